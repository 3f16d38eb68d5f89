"""The Today page at "/": plans, check-off state, reading, pain, changes, adherence."""

import datetime as dt
import html
import random

import pytest
import time_machine
from django.utils import timezone

from patients import services
from patients.models import Plan, SessionLog
from tests.conftest import make_pain_entry, make_plan

# Today's queries, whatever the patient's history: session, user with patient and clinic,
# plans, their items, their unseen changes, their recent sessions, the pain card (the
# sparkline's entries and the last entry together), the reading list, the articles whose
# questions wait on Today, then the measures' card (outcomes.cards: the active plans, the
# measures they ask for; none here, so no answers to look up). No alert: no notice to look for.
TODAY_QUERIES = 11

# "Today" in the test and on the page is one day, even at midnight.
pytestmark = pytest.mark.usefixtures("frozen_clock")


@pytest.fixture
def signed_in(client, patient_a):
    client.force_login(patient_a.user)
    return client


def page(client, path="/"):
    """The page's text as a reader sees it (entities such as &#x27; decoded)."""
    response = client.get(path)
    assert response.status_code == 200
    return html.unescape(response.text)


def test_todays_exercises_show_the_patients_own_dose(signed_in, plan_a):
    item = plan_a.items.get(exercise__slug="glute-bridge")
    item.sets, item.reps = 4, 12
    item.save()
    text = page(signed_in)
    assert plan_a.title in text
    assert "Glute bridge" in text
    assert "4 sets × 12 repetitions" in text


def test_a_paused_plan_is_not_on_today(signed_in, plan_a):
    Plan.objects.filter(pk=plan_a.pk).update(status=Plan.Status.PAUSED)
    text = page(signed_in)
    assert plan_a.title not in text
    assert "You have no active plan at the moment" in text


def test_each_active_plan_has_its_own_check_off_button(signed_in, plan_a, patient_a):
    second = make_plan(patient_a, template_slug="knee-build-phase-2")
    text = page(signed_in)
    assert f'action="/plans/{plan_a.pk}/done/"' in text
    assert f'action="/plans/{second.pk}/done/"' in text
    assert text.count("Mark today's session done") == 2


def test_a_session_logged_today_shows_as_done(signed_in, plan_a, patient_a):
    services.log_session(patient=patient_a, plan=plan_a, date=patient_a.clinic.today())
    text = page(signed_in)
    assert "Today's session is done" in text
    assert f'action="/plans/{plan_a.pk}/done/"' not in text


@time_machine.travel(dt.datetime(2026, 1, 15, 6, 0, tzinfo=dt.UTC), tick=False)
def test_today_is_the_clinics_today_not_the_servers(signed_in, settings, plan_a, patient_a):
    settings.TIME_ZONE = "UTC"
    clinic = patient_a.clinic
    clinic.time_zone = "America/Vancouver"  # 22:00 on 14 January there
    clinic.save()
    services.log_session(patient=patient_a, plan=plan_a, date=dt.date(2026, 1, 14))
    text = page(signed_in)
    assert "Today's session is done" in text
    assert "Wednesday 14 January" in text


def test_a_session_yesterday_is_not_todays(signed_in, plan_a, patient_a):
    yesterday = patient_a.clinic.today() - dt.timedelta(days=1)
    services.log_session(patient=patient_a, plan=plan_a, date=yesterday)
    text = page(signed_in)
    assert "Today's session is done" not in text
    assert f'action="/plans/{plan_a.pk}/done/"' in text


def test_unread_articles_come_first(signed_in, plan_a, patient_a):
    read, unread = patient_a.article_assignments.order_by("article__title")
    services.mark_article_read(read)
    text = page(signed_in)
    assert text.index(unread.article.title) < text.index(read.article.title)
    assert text.count(">New<") == 1


def test_the_last_pain_entry_and_a_sparkline_with_a_text_alternative(signed_in, patient_a):
    now = timezone.now()
    make_pain_entry(patient_a, score=6, at=now - dt.timedelta(days=3))
    make_pain_entry(patient_a, score=4, at=now - dt.timedelta(minutes=5))
    text = page(signed_in)
    assert "Last entry: <strong>4</strong> out of 10" in text
    assert '<svg class="sparkline"' in text
    assert 'role="img" aria-labelledby="sparkline-title"' in text
    assert "Your highest pain score each day over the last 14 days:" in text


def test_without_pain_entries_today_invites_the_first(signed_in):
    text = page(signed_in)
    assert "You have not recorded any pain yet." in text
    assert "sparkline" not in text


def test_the_next_review_date_is_shown(signed_in, patient_a, library):
    make_plan(patient_a, review_date=dt.date(2030, 5, 4))
    assert "Next review: May 4, 2030" in page(signed_in)


def test_a_plan_never_opened_is_announced_as_new(signed_in, plan_a):
    assert "This plan is new." in page(signed_in)


def test_what_changed_since_the_patient_last_looked(signed_in, plan_a, clinician_a):
    signed_in.get(f"/plans/{plan_a.pk}/")  # the patient has seen version 1
    item = plan_a.items.get(exercise__slug="glute-bridge")
    item.reps = 12
    item.save()
    services.record_revision(plan=plan_a, by=clinician_a)

    text = page(signed_in)
    assert "What changed in your plan" in text
    assert "Glute bridge: repetitions changed from 10 to 12." in text

    signed_in.get(f"/plans/{plan_a.pk}/")
    assert "What changed in your plan" not in page(signed_in)


def test_adherence_over_7_and_28_days(signed_in, plan_a, patient_a):
    # plan_a started 7 days ago and asks for 7 sessions a week (its quad set is daily).
    today = patient_a.clinic.today()
    for days_ago in (0, 2, 4):
        services.log_session(patient=patient_a, plan=plan_a, date=today - dt.timedelta(days_ago))
    text = page(signed_in)
    assert "Last 7 days: 3 of 7 sessions (43%)" in text
    assert "Last 28 days: 3 of 8 sessions (38%)" in text


def fill_history(patient, plan, clinician, *, entries, sessions, versions):
    """Pain entries over the last 14 days, daily sessions, and plan versions."""
    rng = random.Random(4)
    now = timezone.now()
    for n in range(entries):
        make_pain_entry(patient, score=rng.randint(0, 10), at=now - dt.timedelta(minutes=67 * n))
    today = patient.clinic.today()
    for days_ago in range(sessions):
        SessionLog.objects.create(patient=patient, plan=plan, date=today - dt.timedelta(days_ago))
    item = plan.items.first()
    for n in range(versions):
        item.note = f"Version {n}"
        item.save()
        services.record_revision(plan=plan, by=clinician)


@pytest.mark.parametrize(("entries", "sessions", "versions"), [(0, 0, 0), (2, 1, 1), (300, 60, 25)])
def test_today_makes_a_fixed_number_of_queries(
    signed_in,
    django_assert_num_queries,
    library,
    patient_a,
    clinician_a,
    entries,
    sessions,
    versions,
):
    plan = make_plan(patient_a, start_date=patient_a.clinic.today() - dt.timedelta(days=90))
    make_plan(patient_a, template_slug="knee-build-phase-2")
    fill_history(
        patient_a, plan, clinician_a, entries=entries, sessions=sessions, versions=versions
    )
    signed_in.get(f"/plans/{plan.pk}/")
    with django_assert_num_queries(TODAY_QUERIES):
        response = signed_in.get("/")
    assert response.status_code == 200
