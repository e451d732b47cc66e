from django.apps import AppConfig


class ConversationConfig(AppConfig):
    """Talk: "Is it you?", the conversation planner with the pressure checker, and the gentle
    invitation to talk."""

    name = "handhold.conversation"
    label = "conversation"
