"""What the tests of each shipped pack read from it, written once."""

import re


def pack_text(pack) -> str:
    """Every reader-facing string in the pack, with line breaks folded to single spaces."""
    parts = []
    for items in (
        pack.activities,
        pack.reflection,
        pack.cards,
        pack.checklist,
        pack.supplies,
        pack.notice,
    ):
        for item in items:
            parts.extend(value for value in item.model_dump().values() if isinstance(value, str))
    parts.extend(resource.note for resource in pack.resources)
    return " ".join(" ".join(parts).split())


def examples_missing_their_cues(pack) -> list[tuple[str, str]]:
    """(point, style) for each example line that its own point's cues do not recognise."""
    return [
        (point.id, style)
        for point in pack.checklist
        if point.cues
        for style, example in point.examples.items()
        if not any(re.search(cue, example, re.IGNORECASE) for cue in point.cues)
    ]
