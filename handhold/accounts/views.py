"""Thin views: a form validates, a service writes, the view renders or redirects."""

import json

from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from handhold.accounts import services, sessions
from handhold.accounts.forms import (
    DeleteEverythingForm,
    DiscreetModeForm,
    JoinForm,
    LogInForm,
    SignUpForm,
    posted_data,
)
from handhold.accounts.recovery_views import show_recovery_code
from handhold.couples.services import partner_of
from handhold.pages.ratelimits import TOO_MANY, limit

MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"


def _next_page(request) -> str:
    """Where to go after signing up, as Django's log-in view reads it: `next`, when it names a
    page of this site. A logged-out partner who opens a join link is sent to log in with the
    link as `next`, so its code survives the detour through sign-up or log-in without being
    kept anywhere on the server."""
    url = request.POST.get("next") or request.GET.get("next") or ""
    safe = url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return url if safe else ""


class LogInView(auth_views.LoginView):
    """Django's log-in view, answering a failed attempt with 400 like every other form.

    One person per browser: while someone is logged in, the page says who, and a log-in ends
    their session before anything else, so what the next person writes can never land in the
    first one's account.
    """

    template_name = "accounts/log_in.html"
    authentication_form = LogInForm
    redirect_authenticated_user = False
    http_method_names = ["get", "post"]

    def post(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            logout(request)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        response = super().form_valid(form)
        sessions.start(self.request, keep_logged_in=form.cleaned_data["keep_logged_in"])
        return response

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)


@require_http_methods(["GET", "POST"])
@limit("sign_up", key="ip")
def sign_up(request):
    next_page = _next_page(request)
    if request.method == "POST" and request.user.is_authenticated:
        # Most often the same form sent again from the recovery code page. Nothing is made
        # while someone is logged in: the page says who, and offers to log them out first.
        return redirect(request.get_full_path())
    form = SignUpForm(posted_data(request))
    context = {"form": form, "next": next_page}
    if getattr(request, "limited", False):
        form.is_valid()
        form.add_error(None, TOO_MANY)
        return render(request, "accounts/sign_up.html", context, status=429)
    if request.method == "POST" and form.is_valid():
        try:
            user, code = services.sign_up(
                username=form.cleaned_data["username"],
                passphrase=form.cleaned_data["passphrase"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            login(request, user, backend=MODEL_BACKEND)
            sessions.start(request, keep_logged_in=False)
            messages.success(request, _("Welcome. Your account is ready."))
            # Rendered, not redirected: the code is shown this once and kept only as a hash.
            return show_recovery_code(request, code, why="sign_up", next_page=next_page)
    status = 400 if form.is_bound else 200
    return render(request, "accounts/sign_up.html", context, status=status)


def _pairing_page(request, *, new_code: str | None = None, join_form=None, status=200):
    user = request.user
    context = {
        "partner": partner_of(user),
        "invitation": services.active_invitation(user),
        "new_code": new_code,
        "join_link": (
            request.build_absolute_uri(reverse("accounts:join")) + f"?code={new_code}"
            if new_code
            else None
        ),
        "join_form": join_form or JoinForm(),
    }
    return render(request, "accounts/pairing.html", context, status=status)


@login_required
@require_GET
def pairing(request):
    return _pairing_page(request)


@login_required
@require_POST
def invite(request):
    """Make a code and show it, once. Rendered rather than redirected: only its hash is kept."""
    try:
        code = services.create_invitation(inviter=request.user)
    except services.PairingError as error:
        messages.error(request, str(error))
        return redirect("accounts:pairing")
    return _pairing_page(request, new_code=code)


@login_required
@require_POST
def withdraw_invitation(request):
    services.withdraw_invitation(inviter=request.user)
    messages.info(request, _("Your invitation is withdrawn. Its code no longer works."))
    return redirect("accounts:pairing")


@login_required
@require_http_methods(["GET", "POST"])
@limit("pairing_code", key="user")
@limit("pairing_code", key="ip")
def join(request):
    if request.method == "GET":
        form = JoinForm(initial={"code": request.GET.get("code", "")[:64]})
        return render(request, "accounts/join.html", {"join_form": form})
    form = JoinForm(request.POST)
    if getattr(request, "limited", False):
        form.is_valid()
        form.add_error("code", TOO_MANY)
        return render(request, "accounts/join.html", {"join_form": form}, status=429)
    if form.is_valid():
        try:
            services.join_with_code(user=request.user, code=form.cleaned_data["code"])
        except services.PairingError as error:
            form.add_error("code", str(error))
        else:
            return redirect("accounts:welcome")
    return render(request, "accounts/join.html", {"join_form": form}, status=400)


@login_required
@require_GET
def welcome(request):
    """The page the invited partner meets first, right after joining: who invited them, what
    Handhold is, what happens to their answers, and a real choice. Either partner may open it
    again later; it reads the same for both but for its first line."""
    context = {
        "partner": partner_of(request.user),
        "invited": services.was_invited(request.user),
    }
    return render(request, "accounts/welcome.html", context)


@login_required
@require_POST
def not_for_me(request):
    """ "Not for me" from the welcome: unpairs at once, with no reason asked. The inviter sees
    only that the two are no longer paired, exactly as after any unpairing."""
    services.unpair(user=request.user)
    messages.info(
        request,
        _("You are not paired any more. Nothing of yours was shared, and nothing more happens."),
    )
    return redirect("pages:home")


@login_required
@require_GET
def account_settings(request):
    form = DiscreetModeForm(initial={"discreet_mode": request.user.discreet_mode})
    context = {
        "discreet_form": form,
        "partner": partner_of(request.user),
        "sessions": services.active_sessions(request.user),
        "this_session": request.session.session_key,
    }
    return render(request, "accounts/settings.html", context)


@login_required
@require_POST
def log_out_everywhere(request):
    services.log_out_everywhere(user=request.user)
    logout(request)
    messages.info(request, _("You are logged out everywhere, on this device too."))
    return redirect("accounts:login")


@login_required
@require_POST
def discreet_mode(request):
    form = DiscreetModeForm(request.POST)
    form.is_valid()  # a lone optional checkbox is always valid
    services.set_discreet_mode(user=request.user, on=form.cleaned_data["discreet_mode"])
    messages.success(request, _("Saved."))
    return redirect("accounts:settings")


@login_required
@require_http_methods(["GET", "POST"])
def unpair(request):
    partner = partner_of(request.user)
    if request.method == "POST":
        if partner is not None:
            services.unpair(user=request.user)
            messages.info(request, _("You are no longer paired. Nothing you shared remains."))
        return redirect("accounts:settings")
    return render(request, "accounts/unpair.html", {"partner": partner})


@login_required
@require_GET
def export(request):
    data = services.export_user_data(user=request.user)
    stamp = timezone.now().strftime("%Y-%m-%d")
    response = HttpResponse(
        json.dumps(data, indent=2, ensure_ascii=False), content_type="application/json"
    )
    response["Content-Disposition"] = f'attachment; filename="handhold-export-{stamp}.json"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def delete_everything(request):
    form = DeleteEverythingForm(posted_data(request), user=request.user)
    if request.method == "POST" and form.is_valid():
        services.delete_everything(user=request.user)
        request.session.flush()
        return redirect("pages:deleted")
    status = 400 if form.is_bound else 200
    return render(request, "accounts/delete.html", {"form": form}, status=status)
