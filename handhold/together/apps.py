from django.apps import AppConfig


class TogetherConfig(AppConfig):
    """Go slowly: let it settle, prepare, session plans with ceilings, debriefs, resources
    and the journey page. (Not "sessions": that is Django's own session app.)"""

    name = "handhold.together"
    label = "together"

    def ready(self) -> None:
        from handhold.discovery.signals import answers_changed

        answers_changed.connect(_drop_steps_no_longer_mutual, dispatch_uid="together-steps")


def _drop_steps_no_longer_mutual(sender, *, person, pack, **kwargs) -> None:
    from handhold.together.services import drop_steps_no_longer_mutual

    drop_steps_no_longer_mutual(person=person, pack=pack)
