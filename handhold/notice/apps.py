from django.apps import AppConfig


class NoticeConfig(AppConfig):
    """Notice: appreciate your partner before anything is asked, and keep a private log of
    how they responded. Never shown to the partner, in any form."""

    name = "handhold.notice"
    label = "notice"
