from django.apps import AppConfig


class AccountsConfig(AppConfig):
    """Sign-up, log-in, pairing and the privacy settings (discreet mode, export, delete)."""

    name = "handhold.accounts"
    label = "accounts"
