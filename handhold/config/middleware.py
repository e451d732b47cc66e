"""Small middleware of our own."""

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
