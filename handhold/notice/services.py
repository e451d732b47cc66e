"""Notice: writes and reads of each person's private log of how their partner responded.

The rule ("uneasy" means leave it for now) lives in handhold/core/notice.py; this module only
reads the log and asks it. Entries belong to their author alone: every read and write goes
through `author.notice_entries`, and nothing here ever looks at a partner.
"""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from django.db import transaction
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from handhold.accounts.models import User
from handhold.core import notice as rule
from handhold.core.packs import NoticeIdea, Pack
from handhold.notice.models import NoticeEntry

# Every message of this stage, named, in one place.
MESSAGES = {
    "logged": _("Noted. Only you can see this."),
    "deleted": _("Deleted."),
}


class UnknownIdea(Exception):
    """An idea id that is not in the pack's notice.yaml."""


def entries_of(*, author: User, pack: Pack) -> QuerySet[NoticeEntry]:
    """This person's own log for one topic, newest first."""
    return author.notice_entries.filter(pack_id=pack.id).order_by("-noticed_at", "-pk")


def entry_of(*, author: User, public_id: UUID) -> NoticeEntry:
    """One entry, by the id its URL carries, through its author. Raises
    NoticeEntry.DoesNotExist for anyone else's."""
    return author.notice_entries.get(public_id=public_id)


@dataclass(frozen=True)
class NoticeView:
    leave_it_for_now: bool
    ideas: tuple[NoticeIdea, ...]


def notice_for(*, person: User, pack: Pack) -> NoticeView:
    """What Notice suggests to this person now: the pack's ideas, or none while their latest
    entry says "uneasy"."""
    # The rule reads only the latest entry, so one row is all it needs.
    latest = list(entries_of(author=person, pack=pack).values_list("reaction", flat=True)[:1])
    return NoticeView(
        leave_it_for_now=rule.leave_it_for_now(latest),
        ideas=rule.ideas_to_show(pack.notice, latest),
    )


@transaction.atomic
def log_reaction(
    *, author: User, pack: Pack, reaction: str, idea_id: str = "", note: str = ""
) -> NoticeEntry:
    """Add one entry to the author's private log. `idea_id` empty means something of their
    own."""
    if idea_id and pack.notice_idea(idea_id) is None:
        raise UnknownIdea(idea_id)
    entry = NoticeEntry(
        author=author, pack_id=pack.id, idea_id=idea_id, reaction=reaction, note=note
    )
    entry.full_clean()
    entry.save()
    return entry


@transaction.atomic
def delete_entry(*, author: User, public_id: UUID) -> bool:
    """Delete one of the author's own entries, at once. False if there was none to delete."""
    deleted, _by_model = author.notice_entries.filter(public_id=public_id).delete()
    return bool(deleted)


def export_for(user: User) -> dict:
    """This person's own Notice log, for their export."""
    entries = user.notice_entries.order_by("noticed_at", "pk")
    return {
        "notice": [
            {
                "pack": e.pack_id,
                "idea": e.idea_id,
                "reaction": e.reaction,
                "note": e.note,
                "noticed_at": e.noticed_at.isoformat(),
            }
            for e in entries
        ]
    }
