from django.apps import AppConfig


class CouplesConfig(AppConfig):
    """What a couple shares across every stage: who the partner is, a pause, and whether the
    two have talked. Every stage may import it; it imports no stage, so the stages stack one
    way (accounts makes and ends couples; this app only holds their shared state)."""

    name = "handhold.couples"
    label = "couples"
