"""A small reader of gettext catalogues (.po), for the tests: what each entry says, and
whether a translator still has to look at it."""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass, field


@dataclass
class Entry:
    msgid: str = ""
    msgid_plural: str = ""
    msgctxt: str | None = None
    msgstr: dict[int, str] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)

    @property
    def key(self) -> str:
        """The key gettext looks the entry up by (context, then \\x04, then the msgid)."""
        return self.msgid if self.msgctxt is None else f"{self.msgctxt}\x04{self.msgid}"

    @property
    def translated(self) -> bool:
        return bool(self.msgstr) and all(self.msgstr.values()) and "fuzzy" not in self.flags


_FIELD = re.compile(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?) (".*")$')


def read_po(text: str) -> list[Entry]:
    """Every entry of a catalogue, the header included (its msgid is ""); obsolete entries
    (#~) are left out."""
    entries: list[Entry] = []
    for block in re.split(r"\n\s*\n", text.strip()):
        entry, current, number = Entry(), None, 0
        for line in block.splitlines():
            if line.startswith("#,"):
                entry.flags.update(flag.strip() for flag in line[2:].split(","))
            elif line.startswith("#"):
                continue
            elif match := _FIELD.match(line):
                current, number = match.group(1), int(match.group(2) or 0)
                _append(entry, current, number, ast.literal_eval(match.group(3)))
            elif line.startswith('"') and current:
                _append(entry, current, number, ast.literal_eval(line))
        if current:
            entries.append(entry)
    return entries


def _append(entry: Entry, name: str, number: int, text: str) -> None:
    if name == "msgctxt":
        entry.msgctxt = (entry.msgctxt or "") + text
    elif name.startswith("msgstr"):
        entry.msgstr[number] = entry.msgstr.get(number, "") + text
    else:
        setattr(entry, name, getattr(entry, name) + text)
