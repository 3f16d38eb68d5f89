"""The invitation link a patient follows to choose a password: public, the signed token is
the key (patients.invitations)."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login as auth_login
from django.contrib.auth.decorators import login_not_required
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters

from clinic.ratelimit import rate_limited, url_token
from patients import invitations
from patients.forms import AcceptInvitationForm


@login_not_required
@sensitive_post_parameters()
@never_cache
# Ten, not five: the link itself is withdrawn after five wrong dates of birth, and that
# page (call your clinic) must not be hidden behind this one.
@rate_limited("invitation", target=url_token, limit=10)
def accept_invitation(request, token):
    invitation = invitations.invitation_from_token(token)
    # In the language the clinic gave the patient's account, unless the person has just
    # switched to another (the switch's cookie): the link's first reader is the patient.
    if invitation is not None and settings.LANGUAGE_COOKIE_NAME not in request.COOKIES:
        translation.activate(invitation.patient.user.language)
        request.LANGUAGE_CODE = translation.get_language()
    if invitation is None or not invitation.is_usable or not invitation.patient.is_active:
        return render(
            request,
            "registration/invitation_invalid.html",
            {
                "invitation": invitation,
                "invitation_clinic": invitation and invitation.patient.clinic,
            },
            status=410 if invitation else 404,
        )
    patient = invitation.patient
    form = AcceptInvitationForm(
        patient.user, request.POST or None, expected_birth_date=patient.date_of_birth
    )
    if request.method == "POST":
        if form.is_valid():
            user = invitations.accept_invitation(
                invitation=invitation,
                password=form.cleaned_data["new_password1"],
                language=form.cleaned_data["language"],
            )
            auth_login(request, user, backend="clinic.backends.PortalBackend")
            translation.activate(user.language)  # the welcome is in the language chosen
            messages.success(request, _("Welcome! Your password is saved and you are signed in."))
            return redirect("home")
        if form.birth_date_mismatch:
            invitations.record_failed_check(invitation)
    return render(
        request,
        "registration/invitation_accept.html",
        {"form": form, "invitation_clinic": patient.clinic, "patient_user": patient.user},
    )
