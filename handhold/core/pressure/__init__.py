"""The pressure checker: finds pressuring language in a message to a partner, explains it,
and offers a kinder way to say it.

Two parts, each in its own module:

- `rules`: patterns for the few cases a rule finds precisely, with negation and contrast
  handled within a clause;
- a learned model, for the many phrasings no rule can list.

Advice from "Is it you?" on framing ("get you to", "convince", "try", "anal sex") is returned
separately as `framing_notes`: it is guidance, not a finding of pressure.

Pure Python, no Django.
"""

from __future__ import annotations

from handhold.core.pressure import rules
from handhold.core.pressure.categories import CATEGORIES, Category
from handhold.core.pressure.clauses import clauses
from handhold.core.pressure.findings import Finding, Result
from handhold.core.pressure.naive_bayes import NaiveBayes, default_model

__all__ = ["CATEGORIES", "Category", "Finding", "Result", "check"]

# Log-odds above which the learned model reports pressure that no rule named. Chosen by
# cross-validation on the labelled set (eval/evaluate_pressure.py).
MODEL_THRESHOLD = 1.5


def _model_finding(text: str, model: NaiveBayes) -> Finding | None:
    """A finding from the learned model, for pressure in words no rule knows."""
    if model.pressure_score(text) <= MODEL_THRESHOLD:
        return None
    candidates = list(clauses(text))
    offset, clause = max(candidates, key=lambda c: model.pressure_score(c[1]))
    start = offset + len(clause) - len(clause.lstrip())
    end = offset + len(clause.rstrip())
    name = model.likely_category(clause) or model.likely_category(text) or "minimising"
    category = CATEGORIES[name]
    return Finding(name, start, end, category.why, category.suggestion)


def check(text: str, *, model: NaiveBayes | None = None, use_model: bool = True) -> Result:
    """Check one message. Offsets in findings are character offsets into `text`.

    Rules come first; when none fires, the learned model may still find the message
    pressuring, and names the clause that reads most so.
    """
    findings = rules.rule_findings(text)
    if not findings and use_model and text.strip():
        learned = _model_finding(text, model or default_model())
        if learned is not None:
            findings.append(learned)
    findings.sort(key=lambda f: (f.start, f.category))
    return Result(
        pressuring=bool(findings),
        findings=findings,
        says_no_is_fine=not findings and rules.says_no_is_fine(text),
        framing_notes=rules.framing_notes(text),
    )
