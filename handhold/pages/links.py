"""Links to pages that take no arguments, reversed once per process.

reverse() reads several thread-locals and walks the resolver: tens of microseconds a call,
which adds up on a page of links. A link without arguments never changes while the process
runs (for a given script prefix and URL configuration, both part of the cache key)."""

from functools import cache

from django.urls import get_script_prefix, get_urlconf, reverse


def link(name: str) -> str:
    return _link(name, get_script_prefix(), get_urlconf())


@cache
def _link(name: str, prefix: str, urlconf) -> str:
    return reverse(name)
