"""What the checker returns: findings with offsets into the message, and the verdict.

Pure Python, no Django.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass(frozen=True)
class Finding:
    category: str
    start: int  # character offsets of the clause (or the rule's words) in the message
    end: int
    why: str
    suggestion: str
    # The words in the span that weighed most towards this finding, so the page can say why
    # this clause was flagged and not another.
    words: tuple[str, ...] = ()


@dataclass(frozen=True)
class Result:
    pressuring: bool
    findings: list[Finding] = field(default_factory=list)
    # True only when the message credibly says a no costs nothing, and never with a finding.
    says_no_is_fine: bool = False
    framing_notes: list[str] = field(default_factory=list)
    # No finding, but the model's score sits near its threshold: the page gives no verdict
    # either way and offers the checklist instead.
    unsure: bool = False

    def as_dict(self) -> dict:
        return {
            "pressuring": self.pressuring,
            "findings": [asdict(f) | {"words": list(f.words)} for f in self.findings],
            "says_no_is_fine": self.says_no_is_fine,
            "unsure": self.unsure,
            "framing_notes": list(self.framing_notes),
        }
