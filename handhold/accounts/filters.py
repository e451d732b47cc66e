from django.utils.translation import gettext as _


def device_label(kind: str) -> str:
    """The kind of device a session is on, in words (see accounts.sessions.device_kind)."""
    labels = {"phone": _("A phone"), "tablet": _("A tablet"), "computer": _("A computer")}
    return labels.get(kind, _("A device"))
