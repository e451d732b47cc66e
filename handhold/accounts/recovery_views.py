"""A way back in without email: the recovery code, shown once, used once.

Kept apart from views.py, which holds log-in and pairing. Every code is rendered in the response
that made it, never redirected to or kept anywhere but as a hash, so it is shown exactly once.
"""

from django.contrib import messages
from django.contrib.auth import authenticate, login, logout
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from handhold.accounts import services, sessions
from handhold.accounts.forms import ConfirmPassphraseForm, RecoverForm, posted_data


def show_recovery_code(request: HttpRequest, code: str, *, why: str, next_page: str = ""):
    """The page that shows a fresh code, once. `why` is "sign_up", "recovered" or "renewed"."""
    context = {
        "code": code,
        "why": why,
        "continue_to": next_page or reverse("pages:home"),
    }
    return render(request, "accounts/recovery_code.html", context)


@require_http_methods(["GET", "POST"])
def recover(request: HttpRequest) -> HttpResponse:
    """Forgot the passphrase: username, recovery code and a new passphrase.

    The code is checked by `authenticate`, so django-axes counts a failure and refuses a
    locked-out name or address exactly as on the log-in page; its middleware then answers
    with the same "please wait" page.
    """
    if request.method == "POST" and request.user.is_authenticated:
        logout(request)  # one person per browser, as on the log-in page
    form = RecoverForm(posted_data(request))
    if request.method == "POST" and form.is_valid():
        user = authenticate(
            request,
            username=form.cleaned_data["username"],
            recovery_code=form.cleaned_data["recovery_code"],
        )
        if user is not None:
            try:
                code = services.recover_account(
                    user=user, passphrase=form.cleaned_data["new_passphrase"]
                )
            except services.RecoveryError:
                pass
            else:
                # A fresh session; every other one has ended.
                login(request, user)
                sessions.start(request, keep_logged_in=False)
                messages.success(request, _("Welcome back. Your new passphrase is set."))
                return show_recovery_code(request, code, why="recovered")
        form.add_error(None, services.RECOVERY_DOES_NOT_WORK)
    status = 400 if form.is_bound else 200
    return render(request, "accounts/recover.html", {"form": form}, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def recovery_code(request: HttpRequest) -> HttpResponse:
    """A new recovery code from Settings, after the current passphrase; the old one stops
    working. The passphrase is checked by `authenticate`, so guessing it here is limited
    like a log-in."""
    form = ConfirmPassphraseForm(posted_data(request))
    if request.method == "POST" and form.is_valid():
        confirmed = authenticate(
            request, username=request.user.username, password=form.cleaned_data["password"]
        )
        if confirmed is not None and confirmed.pk == request.user.pk:
            code = services.new_recovery_code(user=request.user)
            return show_recovery_code(
                request, code, why="renewed", next_page=reverse("accounts:settings")
            )
        form.add_error("password", _("That isn't your passphrase. Nothing was changed."))
    status = 400 if form.is_bound else 200
    return render(request, "accounts/new_recovery_code.html", {"form": form}, status=status)
