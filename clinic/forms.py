from django import forms
from django.conf import settings
from django.contrib.auth.forms import (
    AdminUserCreationForm,
    AuthenticationForm,
    PasswordResetForm,
    UserChangeForm,
)
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _

from clinic.models import StaffMembership, User, normalize_email
from clinic.validators import ascii_twin


def clean_account_email(email: str, *, user: User | None = None) -> str:
    """A new or changed account's address, normalised; refused if another account has it,
    or has the plain address this one only looks like (a Cyrillic "а" for an "a")."""
    email = normalize_email(email)
    others = User.objects.exclude(pk=user.pk) if user is not None and user.pk else User.objects
    if others.filter(email=email).exists():
        raise ValidationError(_("Another account already uses this email address."))
    twin = ascii_twin(email)
    if twin is not None and others.filter(email=twin).exists():
        raise ValidationError(
            _(
                "This address looks the same as another account's (%(twin)s) but is not: "
                "some of its letters are from another alphabet. Type it again by hand."
            ),
            params={"twin": twin},
        )
    return email


class EmailAuthenticationForm(AuthenticationForm):
    username = forms.EmailField(
        label=_("Email address"),
        widget=forms.EmailInput(attrs={"autofocus": True, "autocomplete": "email"}),
    )

    def clean_username(self):
        return normalize_email(self.cleaned_data["username"])


class LanguageOfAccountPasswordResetForm(PasswordResetForm):
    """The reset email in the account's language, whatever the language of the browser
    that asked for it."""

    def send_mail(self, subject_template_name, email_template_name, context, *args, **kwargs):
        with translation.override(context["user"].language):
            super().send_mail(subject_template_name, email_template_name, context, *args, **kwargs)


class AccountCreationForm(AdminUserCreationForm):
    def clean_email(self):
        return clean_account_email(self.cleaned_data["email"])


class AccountChangeForm(UserChangeForm):
    def clean_email(self):
        return clean_account_email(self.cleaned_data["email"], user=self.instance)


class LanguageForm(forms.Form):
    """The language switch on every page: the language chosen, and the page to go back to."""

    language = forms.ChoiceField(choices=settings.LANGUAGES)
    next = forms.CharField(required=False, max_length=2000)

    def next_url(self, request) -> str:
        """The page the switch was on, if it is one of the portal's own; else the home page."""
        url = self.cleaned_data.get("next") or ""
        own = url_has_allowed_host_and_scheme(
            url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        )
        return url if own and url.startswith("/") else reverse("home")


class WeeklyDigestForm(forms.Form):
    weekly_digest = forms.BooleanField(
        label=_("Email me a weekly digest"),
        required=False,
        help_text=StaffMembership._meta.get_field("weekly_digest").help_text,
    )
