"""The URL configuration of `handhold bench`'s servers only (HANDHOLD_BENCH=1): every
production page, and the bare view that the bench compares each page with. The production
configuration, handhold/config/urls.py, has no such page."""

from django.http import HttpRequest, HttpResponse
from django.urls import path

from handhold.config.urls import urlpatterns as production_urlpatterns


def bare(request: HttpRequest) -> HttpResponse:
    """The baseline: through the same server and middleware, reads request.user (so, logged in,
    the session and the user) and returns a small fixed page."""
    return HttpResponse(f"<!doctype html><title>ok</title><p>{request.user.pk}</p>")


urlpatterns = [*production_urlpatterns, path("bench/bare/", bare, name="bench_bare")]
