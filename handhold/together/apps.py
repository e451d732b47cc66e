from django.apps import AppConfig


class TogetherConfig(AppConfig):
    """Go slowly: let it settle, prepare, session plans with ceilings, debriefs, pause, resources
    and the journey page. (Not "sessions": that is Django's own session app.)"""

    name = "handhold.together"
    label = "together"
