from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from handhold.accounts.models import User
from handhold.accounts.services import username_problem
from handhold.core.usernames import normalise


def posted_data(request):
    """The submitted data for a POST (even an empty one), or None to show a fresh form."""
    return request.POST if request.method == "POST" else None


def check_new_passphrase(form: forms.Form, field: str, again: str) -> None:
    """A new passphrase, typed twice: the two agree, and it passes Django's validators (which
    see the username, so a passphrase like the name is refused)."""
    first, second = form.cleaned_data.get(field), form.cleaned_data.get(again)
    if first and second and first != second:
        form.add_error(again, _("The two passphrases are not the same."))
    elif first:
        probe = User(username=form.cleaned_data.get("username", ""))
        try:
            password_validation.validate_password(first, probe)
        except forms.ValidationError as error:
            form.add_error(field, error)


class SignUpForm(forms.Form):
    username = forms.CharField(
        label=_("Username"),
        max_length=40,
        help_text=_("Not your real name. Letters, digits and @ . + - _ only."),
        widget=forms.TextInput(attrs={"autocomplete": "username", "autocapitalize": "none"}),
    )
    passphrase = forms.CharField(
        label=_("Passphrase"),
        strip=False,
        help_text=_("At least 10 characters. A few unrelated words work well."),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    passphrase_again = forms.CharField(
        label=_("Passphrase again"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    adult = forms.BooleanField(
        label=_("I am 18 or older."),
        error_messages={
            "required": _("Handhold is for adults only. Please confirm you are 18 or older.")
        },
    )

    def clean_username(self) -> str:
        username = normalise(self.cleaned_data["username"])
        User.username.field.run_validators(username)
        problem = username_problem(username)
        if problem:
            raise forms.ValidationError(problem)
        return username

    def clean(self):
        cleaned = super().clean()
        check_new_passphrase(self, "passphrase", "passphrase_again")
        return cleaned


class LogInForm(AuthenticationForm):
    """Django's log-in form, whose one error message never says whether a username exists."""

    error_messages = {
        "invalid_login": _(
            "That username and passphrase don't match an account. Please check both and try again."
        ),
        "inactive": _(
            "That username and passphrase don't match an account. Please check both and try again."
        ),
    }

    keep_logged_in = forms.BooleanField(
        label=_("Keep me logged in on this device"),
        required=False,
        help_text=_(
            "Only on a device nobody else uses. Otherwise Handhold logs you out when you close "
            "the browser, or after a while without a visit."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = _("Passphrase")
        self.fields["username"].widget.attrs["autocapitalize"] = "none"


class RecoverForm(forms.Form):
    """A forgotten passphrase: the username, the recovery code and a new passphrase. The form
    checks only what says nothing about any account; the code is checked by `authenticate`."""

    username = forms.CharField(
        label=_("Username"),
        max_length=40,
        widget=forms.TextInput(attrs={"autocomplete": "username", "autocapitalize": "none"}),
    )
    recovery_code = forms.CharField(
        label=_("Recovery code"),
        max_length=64,
        help_text=_("Twenty-four letters and digits. Dashes and spaces are fine."),
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        ),
    )
    new_passphrase = forms.CharField(
        label=_("New passphrase"),
        strip=False,
        help_text=_("At least 10 characters. A few unrelated words work well."),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    new_passphrase_again = forms.CharField(
        label=_("New passphrase again"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean(self):
        cleaned = super().clean()
        check_new_passphrase(self, "new_passphrase", "new_passphrase_again")
        return cleaned


class ConfirmPassphraseForm(forms.Form):
    # Named "password", as on the log-in form, so that django-axes masks it in what it keeps
    # of a failed attempt.
    password = forms.CharField(
        label=_("Your passphrase"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )


class JoinForm(forms.Form):
    code = forms.CharField(
        label=_("Invitation code"),
        max_length=64,
        help_text=_(
            "Twenty letters and digits, as your partner gave them to you. Dashes and "
            "spaces are fine."
        ),
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        ),
    )


class DiscreetModeForm(forms.Form):
    discreet_mode = forms.BooleanField(
        label=_("Discreet mode: show a neutral page title and icon"), required=False
    )


class DeleteEverythingForm(forms.Form):
    confirm_username = forms.CharField(
        label=_("Type your username to confirm"),
        max_length=40,
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "none"}),
    )

    def __init__(self, *args, user: User, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_confirm_username(self) -> str:
        typed = self.cleaned_data["confirm_username"].strip()
        if typed != self.user.username:
            raise forms.ValidationError(
                _("That is not your username. Nothing was deleted."), code="mismatch"
            )
        return typed
