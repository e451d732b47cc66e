"""A test helper: opening the ladder the way a person does, one level at a time."""

from handhold.content.registry import default_pack
from handhold.discovery.services import open_next_level, opened_level_of


def open_levels(person, up_to: int = 5, pack=None) -> None:
    """Open `person`'s ladder up to level `up_to` (every level by default), one at a time,
    through the same service as the "Show me the next level" button."""
    pack = pack or default_pack()
    while opened_level_of(person=person, pack=pack) < up_to:
        if open_next_level(person=person, pack=pack) is None:
            return
