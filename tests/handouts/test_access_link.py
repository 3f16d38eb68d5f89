"""The QR code and short address: the activation link while it can be used, else sign-in."""

import datetime as dt

import pytest
import segno
from django.utils import timezone

from patients import handouts
from patients.invitations import invitation_url, send_invitation
from patients.models import Patient, Plan

# Signed, time-stamped links are compared with what the page printed.
pytestmark = pytest.mark.usefixtures("frozen_clock")

SIGN_IN = "http://127.0.0.1:8000/accounts/login/"


@pytest.fixture(autouse=True)
def portal_url(settings):
    settings.PORTAL_URL = "http://127.0.0.1:8000"


@pytest.fixture
def invited(plan_a):
    """plan_a's patient has no password yet and a fresh invitation."""
    user = plan_a.patient.user
    user.set_unusable_password()
    user.save()
    return send_invitation(patient=plan_a.patient, sent_by=None)


def access(plan):
    plan = Plan.objects.for_handout().get(pk=plan.pk)
    return handouts.access_for(plan.patient)


def test_a_patient_without_a_password_gets_their_activation_link(invited, plan_a):
    link = access(plan_a)
    assert link.url == invitation_url(invited)
    assert link.invitation == invited
    assert link.address == invitation_url(invited).removeprefix("http://")


def test_a_patient_with_a_password_gets_the_sign_in_page(plan_a):
    send_invitation(patient=plan_a.patient, sent_by=None)
    assert plan_a.patient.user.has_usable_password()
    assert access(plan_a).url == SIGN_IN


@pytest.mark.parametrize("state", ["used", "revoked", "expired"])
def test_an_invitation_that_no_longer_works_gives_the_sign_in_page(invited, plan_a, state):
    past = timezone.now() - dt.timedelta(minutes=1)
    field = {"used": "used_at", "revoked": "revoked_at", "expired": "expires_at"}[state]
    setattr(invited, field, past)
    invited.save()
    assert access(plan_a).url == SIGN_IN


def test_only_the_latest_invitation_counts(invited, plan_a, frozen_clock):
    frozen_clock.shift(dt.timedelta(minutes=5))
    newer = send_invitation(patient=plan_a.patient, sent_by=None)  # replaces `invited`
    assert access(plan_a).url == invitation_url(newer)


def test_no_invitation_at_all_gives_the_sign_in_page(plan_a):
    plan_a.patient.user.set_unusable_password()
    plan_a.patient.user.save()
    assert access(plan_a).url == SIGN_IN


def test_an_inactive_patient_gets_the_sign_in_page(invited, plan_a):
    Patient.objects.filter(pk=plan_a.patient.pk).update(is_active=False)
    assert access(plan_a).url == SIGN_IN


def test_the_handout_carries_the_code_and_address_inline(client, clinician_a, invited, plan_a):
    client.force_login(clinician_a)
    page = client.get(f"/admin/patients/plan/{plan_a.pk}/handout/").text
    url = invitation_url(invited)
    # The code is drawn in the page (SVG), from exactly this link: no image to fetch. Its
    # title describes it to a screen reader (the tagged PDF's figure text).
    code = segno.make(url, error="m").svg_inline(
        scale=4, omitsize=True, title="QR code for the address below"
    )
    assert code in page
    assert url.removeprefix("http://") in page
    assert "choose your password" in page
    assert "asked for your date of birth" not in page  # none on file


def test_the_handout_says_the_date_of_birth_will_be_asked(client, clinician_a, invited, plan_a):
    Patient.objects.filter(pk=plan_a.patient.pk).update(date_of_birth=dt.date(1970, 5, 4))
    client.force_login(clinician_a)
    page = client.get(f"/admin/patients/plan/{plan_a.pk}/handout/").text
    assert "You will be asked for your date of birth." in page


def test_the_sign_in_handout_points_at_the_sign_in_page(client, clinician_a, plan_a):
    client.force_login(clinician_a)
    page = client.get(f"/admin/patients/plan/{plan_a.pk}/handout/").text
    code = segno.make(SIGN_IN, error="m").svg_inline(
        scale=4, omitsize=True, title="QR code for the address below"
    )
    assert code in page
    assert "127.0.0.1:8000/accounts/login/" in page
    assert "/invite/" not in page


def test_the_printed_link_signs_nobody_in_by_itself(client, invited):
    path = invitation_url(invited).removeprefix("http://127.0.0.1:8000")
    response = client.get(path)
    assert response.status_code == 200
    assert 'name="new_password1"' in response.text
    assert "_auth_user_id" not in client.session
