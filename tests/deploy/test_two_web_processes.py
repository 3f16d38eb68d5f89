"""A clinic day through two web processes, alternately, as a load balancer would send it:
sign-in on one, pain entry on the other, upload on one, handout on the other, lockout and
rate limits counted across both. Nothing a user could see differs between them, and
nothing is written to either process's own media folder."""

import io
import re
import uuid

import pytest
import requests
from django.conf import settings
from django.contrib.auth.hashers import Argon2PasswordHasher
from PIL import Image
from pypdf import PdfReader

from education.models import Exercise
from patients.models import PainEntry
from tests import s3
from tests.conftest import PASSWORD, PortalClient
from tests.education.conftest import exercise_form
from tests.patients.test_pain_diary import entry_data

pytestmark = [
    pytest.mark.deploy,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def csrf_token(session, url):
    response = session.get(url, timeout=60)
    assert response.status_code == 200, url
    return CSRF.search(response.text)[1]


def post_form(session, page_on, post_to, path, data, files=None):
    """Open the form on one process and send it to the other, as two requests of one
    browser can reach two machines."""
    data = {**data, "csrfmiddlewaretoken": csrf_token(session, page_on + path)}
    return session.post(
        post_to + path,
        data=data,
        files=files,
        headers={"Referer": post_to + path},
        allow_redirects=False,
        timeout=60,
    )


def same_page(html: str) -> str:
    """A page as a user sees it: CSRF tokens, one-time form tokens and the signed,
    time-stamped owner of a form differ by design, and the form's "now" (to the minute) may
    have moved on between the two requests."""
    html = CSRF.sub('name="csrfmiddlewaretoken" value=""', html)
    html = re.sub(r'name="(submission_id|resume_owner)" value="[^"]+"', r'name="\1" value=""', html)
    return re.sub(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}", "(now)", html)


def signed_in_staff(user) -> requests.Session:
    """A staff session (password and second factor) in the shared database, as a browser
    holds it after signing in."""
    client = PortalClient()
    client.force_login(user)
    session = requests.Session()
    session.cookies.set(
        settings.SESSION_COOKIE_NAME, client.cookies[settings.SESSION_COOKIE_NAME].value
    )
    return session


def png(color="teal") -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (60, 40), color).save(out, format="PNG")
    return out.getvalue()


def test_a_clinic_day_through_two_web_processes(webs, patient_a, plan_a, clinician_a):
    (one, two), endpoint, bucket = webs
    a, b = one.url, two.url
    # The web processes hash passwords as a server does (Argon2).
    user = patient_a.user
    argon2 = Argon2PasswordHasher()
    user.password = argon2.encode(PASSWORD, argon2.salt())
    user.save(update_fields=["password"])

    # Morning: the patient signs in on one process ...
    patient = requests.Session()
    response = post_form(
        patient, a, a, "/accounts/login/", {"username": user.email, "password": PASSWORD}
    )
    assert response.status_code == 302, response.text[:500]
    # ... and the next page comes from the other: the session is in the database.
    today_b = patient.get(b + "/", timeout=60)
    assert today_b.status_code == 200
    assert plan_a.title in today_b.text
    today_a = patient.get(a + "/", timeout=60)
    assert same_page(today_a.text) == same_page(today_b.text)

    # The pain form opened on one, sent to the other; the diary shows it on both.
    response = post_form(
        patient, a, b, "/pain/", entry_data(patient_a, score="6", note="Stairs were hard")
    )
    assert response.status_code == 302, response.text[:500]
    assert PainEntry.objects.filter(patient=patient_a, note="Stairs were hard").count() == 1
    diary_a, diary_b = patient.get(a + "/pain/", timeout=60), patient.get(b + "/pain/", timeout=60)
    assert "Stairs were hard" in diary_a.text
    assert same_page(diary_a.text) == same_page(diary_b.text)

    # The clinician uploads a picture through one process; the other serves it, from the
    # object store, and neither keeps a copy of its own.
    staff = signed_in_staff(clinician_a)
    data = exercise_form()
    response = post_form(
        staff,
        b,
        a,
        "/admin/education/exercise/add/",
        data,
        files={"image": ("bridge.png", png(), "image/png")},
    )
    assert response.status_code == 302, response.text[:1000]
    exercise = Exercise.objects.get(slug=data["slug"])
    assert s3.keys(endpoint, bucket) == [f"media/{exercise.image.name}"]
    picture = patient.get(f"{b}/media/{exercise.image.name}", timeout=60)
    assert picture.status_code == 200
    assert picture.headers["Content-Type"] == "image/png"
    assert Image.open(io.BytesIO(picture.content)).size == (60, 40)
    # The plan's first exercise shows that picture: the handout printed by the other
    # process has it.
    first = plan_a.items.order_by("position").first().exercise
    first.image = exercise.image.name
    first.image_alt_en = "A person lifting their hips"
    first.image_alt_fr = "Une personne qui soulève les hanches"
    first.save()
    handout = patient.get(f"{b}/plans/{plan_a.pk}/handout.pdf", timeout=120)
    assert handout.status_code == 200
    pdf = PdfReader(io.BytesIO(handout.content))
    assert len(pdf.pages[0].images) == 1
    assert list(one.media_root.iterdir()) == list(two.media_root.iterdir()) == []

    # Evening: signed out on one process is signed out on both.
    token = csrf_token(patient, a + "/")  # the header's sign-out form
    response = patient.post(
        b + "/accounts/logout/",
        data={"csrfmiddlewaretoken": token},
        headers={"Referer": b + "/"},
        allow_redirects=False,
        timeout=60,
    )
    assert response.status_code == 302
    assert patient.get(a + "/", timeout=60, allow_redirects=False).status_code == 302


def test_lockout_and_rate_limits_count_across_both_processes(webs, patient_a):
    (one, two), _endpoint, _bucket = webs
    email = patient_a.user.email

    # Five wrong passwords, alternately on each process, lock the account on both
    # (django-axes counts in the database).
    for attempt in range(5):
        web = (one, two)[attempt % 2]
        session = requests.Session()
        post_form(
            session,
            web.url,
            web.url,
            "/accounts/login/",
            {"username": email, "password": "wrong-password"},
        )
    for web in (one, two):
        session = requests.Session()
        response = post_form(
            session, web.url, web.url, "/accounts/login/", {"username": email, "password": PASSWORD}
        )
        assert response.status_code == 429, web.name

    # Five password-reset requests go through, alternately; the sixth, on either process,
    # is refused (the counters are in Redis).
    address = f"reset-{uuid.uuid4().hex[:6]}@patients.example"
    for attempt in range(5):
        web = (one, two)[attempt % 2]
        session = requests.Session()
        response = post_form(
            session, web.url, web.url, "/accounts/password/reset/", {"email": address}
        )
        assert response.status_code == 302, (web.name, response.text[:500])
    for web in (one, two):
        session = requests.Session()
        response = post_form(
            session, web.url, web.url, "/accounts/password/reset/", {"email": address}
        )
        assert response.status_code == 429, web.name
