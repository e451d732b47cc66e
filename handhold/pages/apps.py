from django.apps import AppConfig


class PagesConfig(AppConfig):
    """The pages around the journey: home, the quick-exit page, the shared layout and assets."""

    name = "handhold.pages"
    label = "pages"
