"""Staff two-factor sign-in: enrol an authenticator app once, then a code each session.

The admin opens only for a session verified here (see PortalAdminSite.has_permission).
Patients never see these pages.
"""

import base64
from functools import wraps

import segno
from django import forms
from django.db import transaction
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice, default_key

BACKUP_CODES = 10
# The secret of an authenticator being set up, until a first code is tried.
SETUP_KEY = "portal_two_factor_setup_key"


def staff_only(view):
    """Signed-in patients are told nothing here: the pages do not exist for them."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_staff:
            raise Http404
        return view(request, *args, **kwargs)

    return wrapper


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code"),
        max_length=16,
        help_text=_("The 6-digit code from your authenticator app, or one of your backup codes."),
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )

    def __init__(self, *args, user, device=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.device = device

    def clean_code(self):
        code = self.cleaned_data["code"].replace(" ", "")
        devices = [self.device] if self.device else self.confirmed_devices()
        for device in devices:
            if device.verify_token(code):
                self.verified_device = device
                return code
        raise forms.ValidationError(_("That code is not right. Codes change every 30 seconds."))

    def confirmed_devices(self):
        return [
            *TOTPDevice.objects.devices_for_user(self.user, confirmed=True),
            *StaticDevice.objects.devices_for_user(self.user, confirmed=True),
        ]


def safe_next(request, default):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default


def secret_base32(device: TOTPDevice) -> str:
    return base64.b32encode(device.bin_key).decode()


@never_cache
@staff_only
def verify(request):
    if not TOTPDevice.objects.devices_for_user(request.user, confirmed=True).exists():
        query = urlencode({"next": safe_next(request, "")})
        return redirect(f"{reverse('two_factor_setup')}?{query}")
    form = CodeForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        otp_login(request, form.verified_device)
        return HttpResponseRedirect(safe_next(request, reverse("admin:index")))
    return render(
        request,
        "registration/two_factor_verify.html",
        {"form": form, "next": safe_next(request, "")},
    )


@never_cache
@staff_only
def setup(request):
    if TOTPDevice.objects.devices_for_user(request.user, confirmed=True).exists():
        return redirect("two_factor_verify")
    device = pending_device(request)
    form = CodeForm(request.POST or None, user=request.user, device=device)
    if request.method == "POST" and form.is_valid():
        codes = confirm_device(device)
        request.session.pop(SETUP_KEY, None)
        otp_login(request, device)
        return render(
            request,
            "registration/two_factor_backup_codes.html",
            {"codes": codes, "next": safe_next(request, reverse("admin:index"))},
        )
    qr_svg = segno.make(device.config_url, error="m").svg_inline(scale=5, omitsize=True)
    return render(
        request,
        "registration/two_factor_setup.html",
        {
            "form": form,
            # segno builds this SVG from our own device URL: no user text inside.
            "qr_svg": mark_safe(qr_svg),  # noqa: S308
            "secret": secret_base32(device),
            "next": safe_next(request, ""),
        },
    )


def pending_device(request) -> TOTPDevice:
    """The authenticator being set up: saved once a code is tried (a POST), never on a GET.

    Until then its secret waits in the session, so that the QR code shown stays the same
    when the page is opened again.
    """
    device = TOTPDevice.objects.filter(user=request.user, confirmed=False).first()
    if device is not None:
        return device
    key = request.session.get(SETUP_KEY) or default_key()
    request.session[SETUP_KEY] = key
    return TOTPDevice(user=request.user, name="Authenticator app", key=key, confirmed=False)


@transaction.atomic
def confirm_device(device: TOTPDevice) -> list[str]:
    """Confirm the app and issue a fresh set of one-time backup codes."""
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    static, _ = StaticDevice.objects.get_or_create(user=device.user, name="Backup codes")
    static.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(BACKUP_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=static, token=code) for code in codes)
    return codes
