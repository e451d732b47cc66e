"""The pressure checker: finds pressuring language in a message to a partner, explains it,
and offers a kinder way to say it.

Two parts, each in its own module:

- `model`: a learned model, trained on thousands of labelled messages (eval/pressure/) and
  shipped as weights. It decides on the whole message, then scores each clause to find where:
  a finding spans the clause that pressures and names the words that weighed most. It also
  decides whether a message says a no is fine.
- `rules`: patterns for the few cases a rule finds precisely, each justified by labelled
  messages, with negation and contrast handled within a clause.

A finding means the message pressures. When the model's score for the message sits just under
its threshold, the result is `unsure`: the page then gives no verdict either way.

Advice from "Is it you?" on framing ("get you to", "convince", "try", "anal sex") is returned
separately as `framing_notes`: it is guidance, not a finding of pressure.

Pure Python, no Django.
"""

from __future__ import annotations

from handhold.core.pressure import rules
from handhold.core.pressure.categories import CATEGORIES, Category
from handhold.core.pressure.clauses import clauses as split_clauses
from handhold.core.pressure.findings import Finding, Result
from handhold.core.pressure.model import Model, default_model

__all__ = ["CATEGORIES", "Category", "Finding", "Result", "check", "split_clauses"]


def _overlaps(start: int, end: int, findings: list[Finding]) -> bool:
    return any(f.start < end and start < f.end for f in findings)


def _model_findings(text: str, model: Model, found: list[Finding]) -> list[Finding]:
    """Where the pressure the model found in `text` is: each clause that reaches the threshold
    on its own or, when none does, the clause that scores highest. A clause a rule already
    covers is left to the rule, which is more precise."""
    scored = []
    for offset, clause in split_clauses(text):
        start = offset + len(clause) - len(clause.lstrip())
        end = offset + len(clause.rstrip())
        known = model.known(clause)
        scored.append((model.pressure(known), start, end, known))
    if not scored:  # nothing but punctuation
        return []
    chosen = [c for c in scored if c[0] >= model.threshold] or [max(scored, key=lambda c: c[0])]
    findings = []
    for _, start, end, known in chosen:
        if _overlaps(start, end, found):
            continue
        category = CATEGORIES[model.category(known)]
        findings.append(
            Finding(
                category=category.name,
                start=start,
                end=end,
                why=category.why,
                suggestion=category.suggestion,
                words=model.weighty_words(text[start:end]),
            )
        )
    return findings


def check(text: str, *, model: Model | None = None, use_model: bool = True) -> Result:
    """Check one message. Offsets in findings are character offsets into `text`.

    First the model's everyday head: a message that asks nothing at all (the laundry, the
    landlord, a croissant worth trying once) is not judged, by the rules either. On release 2's
    frozen set the rules fired on three such messages and on no pressuring message the head
    waved through. Otherwise the rules, then the model scores the whole message (its pressure
    discounted by how everyday it reads), and when it reaches the threshold the clauses that
    carry the pressure become findings, each in the category the model thinks likeliest for
    that clause.
    `says_no_is_fine` is the model's own judgement, given only when there is no finding and
    the checker is sure.
    """
    model = (model or default_model()) if use_model else None
    findings: list[Finding] = []
    score, known = 0.0, []
    if model is None:
        findings = rules.rule_findings(text)
    elif text.strip():
        known = model.known(text)
        everyday = model.everyday_probability(known)
        if not model.asks_nothing(known, everyday):
            findings = rules.rule_findings(text)
            score = model.pressure(known, everyday)
            if score >= model.threshold:
                findings += _model_findings(text, model, findings)
    findings.sort(key=lambda f: (f.start, f.category))
    if model is None:
        unsure, says_no_is_fine = False, not findings and rules.says_no_is_fine(text)
    else:
        unsure = not findings and score >= model.unsure_below
        says_no_is_fine = not findings and not unsure and model.no_is_fine(known)
    return Result(
        pressuring=bool(findings),
        findings=findings,
        says_no_is_fine=says_no_is_fine,
        framing_notes=rules.framing_notes(text),
        unsure=unsure,
    )
