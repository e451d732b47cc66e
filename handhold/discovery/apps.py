from django.apps import AppConfig


class DiscoveryConfig(AppConfig):
    """Reflect (a private journal), learn (education cards) and discover (the ladder and the
    mutual-interest reveal)."""

    name = "handhold.discovery"
    label = "discovery"
