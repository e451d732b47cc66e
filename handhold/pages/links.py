"""Links reversed once per process: to pages that take no arguments, and to pages whose one
argument is a random public id.

reverse() reads several thread-locals and walks the resolver: tens of microseconds a call,
which adds up on a page of links. A link without arguments never changes while the process
runs (for a given script prefix and URL configuration, both part of the cache key). A link
with one public id differs only by that id: it is reversed once with a stand-in id, and the
id is put in the stand-in's place. Only the URL's shape is kept, never an id."""

from collections.abc import Callable
from functools import cache
from uuid import UUID

from django.urls import get_script_prefix, get_urlconf, reverse

# A UUID path argument is drawn as str(uuid): hex digits and hyphens, which reverse() never
# quotes, so the stand-in's text is exactly where any other id's text would be.
_STAND_IN = UUID(int=0)


def link(name: str) -> str:
    return _link(name, get_script_prefix(), get_urlconf())


def linker() -> Callable[[str], str]:
    """`link` for a page that makes many links: the script prefix and the URL configuration are
    read once for all of them, not once a link (each a context-local, some ten Python calls)."""
    prefix, urlconf = get_script_prefix(), get_urlconf()
    return lambda name: _link(name, prefix, urlconf)


@cache
def _link(name: str, prefix: str, urlconf) -> str:
    return reverse(name)


def link_with_id(name: str, public_id: UUID) -> str:
    """`reverse(name, args=[public_id])`, the same text."""
    before, after = _around_id(name, get_script_prefix(), get_urlconf())
    return f"{before}{public_id}{after}"


@cache
def _around_id(name: str, prefix: str, urlconf) -> tuple[str, str]:
    """The URL's text before and after its id."""
    before, after = reverse(name, args=[_STAND_IN]).split(str(_STAND_IN))
    return before, after
