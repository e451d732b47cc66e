"""Letting someone in with their recovery code, when their passphrase is forgotten."""

from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.hashers import check_password, make_password

from handhold.accounts.models import User
from handhold.core.recovery_codes import normalise_recovery_code


class RecoveryCodeBackend(ModelBackend):
    """`authenticate(request, username=..., recovery_code=...)` returns the person whose unused
    code it is, or None.

    Going through `authenticate` is what makes recovery as safe as log-in: django-axes' backend,
    listed first, refuses any attempt for a locked-out username or address, and its signal
    handler counts each failure against the same limit as log-in. An unknown name, a person
    with no code and a wrong code are told apart by nothing, not even time: each runs the
    hasher once, as Django's own ModelBackend does for an unknown name.
    """

    def authenticate(self, request, username=None, recovery_code=None, **kwargs):
        if username is None or recovery_code is None:
            return None  # a log-in with a passphrase: ModelBackend's business
        code = normalise_recovery_code(recovery_code) or ""
        try:
            user = User._default_manager.get_by_natural_key(username)
        except User.DoesNotExist:
            user = None
        if user is None or not user.recovery_code_hash:
            make_password(code)  # as long as a real check takes
            return None
        if check_password(code, user.recovery_code_hash) and self.user_can_authenticate(user):
            return user
        return None
