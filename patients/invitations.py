"""Invitations: a single-use link that lets a patient choose a password.

The link carries a signed invitation id. Whether it still works is decided by the
database row (used, replaced, expired), so a link can be withdrawn at any time, and a
handout can print the same link as the email without the portal storing a secret.
"""

import datetime as dt
import logging

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from clinic.email import EmailNotSent, send_email
from clinic.models import User
from patients.models import Invitation, Patient

logger = logging.getLogger(__name__)

SALT = "patients.invitation"
MAX_FAILED_CHECKS = 5


def invitation_token(invitation: Invitation) -> str:
    return signing.dumps(str(invitation.pk), salt=SALT)


def invitation_url(invitation: Invitation) -> str:
    return settings.PORTAL_URL + reverse("invitation", args=[invitation_token(invitation)])


def invitation_from_token(token: str) -> Invitation | None:
    try:
        pk = signing.loads(token, salt=SALT)
    except signing.BadSignature:
        return None
    return (
        Invitation.objects.select_related("patient__user", "patient__clinic").filter(pk=pk).first()
    )


def send_invitation(*, patient: Patient, sent_by: User | None) -> Invitation:
    """A new link, replacing any earlier one that has not been used, and its email.

    The email is sent once the invitation is saved, and `invitation.email_error` says
    whether it left: None if it did, else what the mail server said. Either way the link
    works (the patient's handout prints it). Call it outside a transaction.
    """
    invitation = _new_invitation(patient=patient, sent_by=sent_by)
    try:
        email_invitation(invitation)
    except EmailNotSent as error:
        logger.warning("Invitation %s not emailed: %s", invitation.pk, error)
        invitation.email_error = str(error)
    else:
        invitation.email_error = None
    return invitation


@transaction.atomic
def _new_invitation(*, patient: Patient, sent_by: User | None) -> Invitation:
    now = timezone.now()
    patient.invitations.filter(used_at__isnull=True, revoked_at__isnull=True).update(revoked_at=now)
    return Invitation.objects.create(
        patient=patient,
        created_by=sent_by,
        expires_at=now + dt.timedelta(days=settings.PATIENT_INVITATION_DAYS),
    )


def email_invitation(invitation: Invitation) -> None:
    patient = invitation.patient
    user = patient.user
    context = {
        "user": user,
        "clinic": patient.clinic,
        "url": invitation_url(invitation),
        "expires_at": invitation.expires_at,
    }
    send_email("patients/email/invitation", context, to=user.email, language=user.language)


def record_failed_check(invitation: Invitation) -> None:
    """Count a wrong date of birth; too many and the link stops working."""
    invitation.failed_checks += 1
    if invitation.failed_checks >= MAX_FAILED_CHECKS:
        invitation.revoked_at = timezone.now()
    invitation.save(update_fields=["failed_checks", "revoked_at"])


@transaction.atomic
def accept_invitation(*, invitation: Invitation, password: str, language: str) -> User:
    """The patient's first password and the language they chose for the portal."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if not invitation.is_usable:
        raise ValueError("This invitation can no longer be used.")
    user = invitation.patient.user
    user.set_password(password)
    user.language = language
    user.save(update_fields=["password", "language"])
    invitation.used_at = timezone.now()
    invitation.save(update_fields=["used_at"])
    return user
