from django.apps import AppConfig


class AccountsConfig(AppConfig):
    """Sign-up, log-in, pairing and the privacy settings (discreet mode, export, delete)."""

    name = "handhold.accounts"
    label = "accounts"

    def ready(self) -> None:
        from django.contrib.auth.signals import user_login_failed

        from handhold.accounts import lockouts

        user_login_failed.connect(lockouts.count_failure, dispatch_uid="count-address-failure")
