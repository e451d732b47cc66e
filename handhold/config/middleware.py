"""Small middleware of our own."""

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
