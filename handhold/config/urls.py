from django.urls import include, path

urlpatterns = [
    path("", include("handhold.pages.urls")),
    path("", include("handhold.accounts.urls")),
    path("", include("handhold.discovery.urls")),
    path("", include("handhold.notice.urls")),
    path("", include("handhold.conversation.urls")),
    path("", include("handhold.together.urls")),
]
