from django.conf import settings
from django.urls import include, path

urlpatterns = [
    path("", include("handhold.pages.urls")),
    path("", include("handhold.accounts.urls")),
    path("", include("handhold.discovery.urls")),
    path("", include("handhold.notice.urls")),
    path("", include("handhold.conversation.urls")),
    path("", include("handhold.together.urls")),
]

if settings.HANDHOLD_BENCH_ROUTES:
    from handhold.pages.views import bare

    # Only for `handhold bench`: the baseline it compares every page against.
    urlpatterns += [path("bench/bare/", bare, name="bench_bare")]
