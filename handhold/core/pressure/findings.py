"""What the checker returns: findings with offsets into the message, and the verdict.

Pure Python, no Django.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass(frozen=True)
class Finding:
    category: str
    start: int
    end: int
    why: str
    suggestion: str


@dataclass(frozen=True)
class Result:
    pressuring: bool
    findings: list[Finding] = field(default_factory=list)
    says_no_is_fine: bool = False
    framing_notes: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "pressuring": self.pressuring,
            "findings": [asdict(f) for f in self.findings],
            "says_no_is_fine": self.says_no_is_fine,
            "framing_notes": list(self.framing_notes),
        }
