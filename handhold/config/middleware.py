"""Small middleware of our own, and the CSRF token our pages draw."""

import os

from django.middleware import csrf
from django.utils.cache import add_never_cache_headers


def no_store(get_response):
    """Ask browsers and proxies never to keep a copy of any page.

    A page about someone's intimate life must not come back from a shared computer's cache,
    nor through Back after a quick exit. Static files are served before this by WhiteNoise
    and stay cacheable.
    """

    def middleware(request):
        response = get_response(request)
        add_never_cache_headers(response)
        return response

    return middleware


class CsrfViewMiddleware(csrf.CsrfViewMiddleware):
    """Django's CSRF protection, taught that `Origin: null` can be our own page.

    Handhold sends `Referrer-Policy: no-referrer`, so that no page address ever leaks. The
    Fetch standard then has browsers send `Origin: null` with every form POST, even to the same
    site, and Django would refuse them all. Fetch Metadata answers the same question reliably:
    `Sec-Fetch-Site: same-origin` is set by the browser itself and cannot be forged by a page.
    So a null origin is accepted only when the browser says the request is same-origin; the
    CSRF token is still checked as always.
    """

    def _origin_verified(self, request):
        if (
            request.META.get("HTTP_ORIGIN") == "null"
            and request.META.get("HTTP_SEC_FETCH_SITE") == "same-origin"
        ):
            return True
        return super()._origin_verified(request)


_CHARS = csrf.CSRF_ALLOWED_CHARS
_SIZE = len(_CHARS)
_INDEX = {char: number for number, char in enumerate(_CHARS)}
# Bytes below this (248, four times 62) fall evenly on the 62 characters; the rest are drawn
# again, so that every character is as likely as with `secrets.choice`.
_EVEN = 256 - 256 % _SIZE


def _random_numbers(count: int) -> list[int]:
    """`count` numbers, each uniformly from range(62), from the operating system's random
    source (as `secrets.choice` draws them), in one read rather than one per character."""
    drawn: list[int] = []
    while len(drawn) < count:
        drawn += [byte % _SIZE for byte in os.urandom(2 * count) if byte < _EVEN]
    return drawn[:count]


def get_token(request) -> str:
    """Django's `csrf.get_token`, the same token for the same secret: a fresh random mask, then
    the secret with the mask added character by character (Django's `_mask_cipher_secret`),
    which Django's middleware unmasks. Django draws its mask with `secrets.choice` once per
    character, a few hundred Python calls on every page that has a form (every page of a
    person logged in has the log-out form); this draws it from one read of `os.urandom`.
    Without a CSRF cookie yet, Django's own `get_token` makes one."""
    if "CSRF_COOKIE" not in request.META:
        return csrf.get_token(request)
    secret = request.META["CSRF_COOKIE"]
    # As Django does: the cookie is sent again with the response, to renew its expiry.
    request.META["CSRF_COOKIE_NEEDS_UPDATE"] = True
    mask = _random_numbers(len(secret))
    return "".join([_CHARS[n] for n in mask]) + "".join(
        [_CHARS[(_INDEX[char] + n) % _SIZE] for char, n in zip(secret, mask, strict=True)]
    )
