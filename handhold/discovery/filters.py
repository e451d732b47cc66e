"""Template filters for discovery pages: formatting lives here, not in templates."""

from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from markdown_it import MarkdownIt

from handhold.discovery.forms import MUTUAL_ROLE_WORDS

# Raw HTML in a pack is never passed through: an educator's typo cannot inject markup.
_markdown = MarkdownIt("commonmark", {"html": False})

LEVEL_NAMES = {
    1: _("Gentle"),
    2: _("Warm"),
    3: _("Outside touch"),
    4: _("A little inside"),
    5: _("Intense"),
}


def markdown(text: str) -> str:
    return mark_safe(_markdown.render(text))  # noqa: S308 - html is disabled above


def level_name(level: int) -> str:
    return LEVEL_NAMES.get(level, "")


def role_words(role: str) -> str:
    """How a mutual role reads for the viewer: "you give", "you receive" or "together"."""
    return MUTUAL_ROLE_WORDS.get(role, "")
