"""Template filters for the conversation planner."""

from django.utils.html import escape
from django.utils.safestring import mark_safe


def highlight(text: str, findings) -> str:
    """The text, escaped, with each finding wrapped in <mark> pointing at its explanation.

    Overlapping findings are merged into one mark, so the markup stays well formed."""
    spans = sorted((f.start, f.end, n) for n, f in enumerate(findings, start=1))
    merged: list[list] = []
    for start, end, number in spans:
        if merged and start < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
            merged[-1][2].append(number)
        else:
            merged.append([start, end, [number]])
    out, position = [], 0
    for start, end, numbers in merged:
        out.append(escape(text[position:start]))
        refs = " ".join(f"finding-{n}" for n in numbers)
        out.append(f'<mark aria-describedby="{refs}">{escape(text[start:end])}</mark>')
        position = end
    out.append(escape(text[position:]))
    return mark_safe("".join(out))  # noqa: S308 - every piece of text is escaped above
