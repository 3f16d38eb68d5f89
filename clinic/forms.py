from django import forms
from django.contrib.auth.forms import AdminUserCreationForm, AuthenticationForm, UserChangeForm
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from clinic.models import User, normalize_email
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


class AccountCreationForm(AdminUserCreationForm):
    def clean_email(self):
        return clean_account_email(self.cleaned_data["email"])


class AccountChangeForm(UserChangeForm):
    def clean_email(self):
        return clean_account_email(self.cleaned_data["email"], user=self.instance)
