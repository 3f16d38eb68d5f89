"""A patient answers a measure due: on Today as one card, in English or French, once."""

import datetime as dt
import html

import pytest
from django.urls import reverse

from outcomes import selectors, services
from outcomes.models import MeasureSchedule, Questionnaire, Response
from tests.outcomes.conftest import psfs_answers
from tests.patients.test_today import TODAY_QUERIES

pytestmark = pytest.mark.usefixtures("frozen_clock")


@pytest.fixture
def signed_in(client, patient_a):
    client.force_login(patient_a.user)
    return client


def answer_url(schedule):
    return reverse("outcomes:answer", args=[schedule.plan_id, schedule.pk])


def page(client, path):
    response = client.get(path)
    assert response.status_code == 200
    return html.unescape(response.text)


def test_today_shows_the_measure_due_as_one_card(signed_in, psfs_due):
    text = page(signed_in, "/")
    assert text.count("Questionnaires to fill in") == 1
    assert "Activities that are hard for you" in text
    assert answer_url(psfs_due) in text


def test_today_shows_no_card_when_nothing_is_due(signed_in, plan_a):
    assert "Questionnaires to fill in" not in page(signed_in, "/")


def test_the_patient_answers_and_the_card_goes(signed_in, psfs_due, patient_a):
    response = signed_in.post(
        answer_url(psfs_due),
        {"activity_1": "Stairs", "rating_1": "3", "activity_2": "Kneeling", "rating_2": "5"},
    )
    assert response.status_code == 302
    saved = Response.objects.get(patient=patient_a)
    assert saved.score == 4
    assert saved.answers["activity_1"] == "Stairs"
    assert saved.language == "en"
    assert "Questionnaires to fill in" not in page(signed_in, "/")
    progress = page(signed_in, reverse("outcomes:progress"))
    assert "This is your first score" in progress


def test_in_french(signed_in, psfs_due, patient_a):
    patient_a.user.language = "fr"
    patient_a.user.save()
    text = page(signed_in, answer_url(psfs_due))
    assert "Les activités difficiles pour vous" in text
    assert "Activité 1" in text
    signed_in.post(answer_url(psfs_due), {"activity_1": "Escaliers", "rating_1": "6"})
    assert Response.objects.get(patient=patient_a).language == "fr"


def test_a_rating_out_of_range_is_refused(signed_in, psfs_due):
    response = signed_in.post(answer_url(psfs_due), {"activity_1": "Stairs", "rating_1": "11"})
    assert response.status_code == 200
    assert "error-summary" in response.text
    assert not Response.objects.exists()


def test_an_activity_without_its_rating_is_refused(signed_in, psfs_due):
    response = signed_in.post(answer_url(psfs_due), {"activity_1": "Stairs"})
    assert "Answer this for the activity you named." in html.unescape(response.text)
    assert not Response.objects.exists()


def test_a_double_submit_saves_once(signed_in, psfs_due):
    data = {"activity_1": "Stairs", "rating_1": "3"}
    first = signed_in.post(answer_url(psfs_due), data)
    second = signed_in.post(answer_url(psfs_due), data)
    assert first.status_code == second.status_code == 302
    assert Response.objects.count() == 1


def test_the_service_saves_a_concurrent_second_submit_once(psfs_due, patient_a):
    due = selectors.due_for([patient_a], patient_a.clinic.today())[0]
    answers = psfs_answers(rating_1=3)
    first, created = services.submit_response(
        patient=patient_a, due=due, answers=answers, language="en"
    )
    again, created_again = services.submit_response(
        patient=patient_a, due=due, answers=answers, language="en"
    )
    assert created and not created_again
    assert again.pk == first.pk


def test_a_measure_not_due_is_not_found(signed_in, psfs_due):
    signed_in.post(answer_url(psfs_due), {"activity_1": "Stairs", "rating_1": "3"})
    assert signed_in.get(answer_url(psfs_due)).status_code == 404


def test_another_patients_measure_is_not_found(client, patient_a2, psfs_due):
    client.force_login(patient_a2.user)
    assert client.get(answer_url(psfs_due)).status_code == 404
    assert client.post(answer_url(psfs_due), {"rating_1": "3"}).status_code == 302
    assert not Response.objects.exists()


def two_weeks_later(client, patient, frozen_clock):
    frozen_clock.shift(dt.timedelta(weeks=2))
    client.force_login(patient.user)  # the session timed out meanwhile


def test_the_activities_are_rated_again_not_retyped(signed_in, psfs_due, frozen_clock, patient_a):
    signed_in.post(answer_url(psfs_due), {"activity_1": "Stairs", "rating_1": "3"})
    two_weeks_later(signed_in, patient_a, frozen_clock)
    text = page(signed_in, answer_url(psfs_due))
    assert 'value="Stairs"' in text and "disabled" in text
    # A forged new activity is ignored: the first one is kept.
    signed_in.post(answer_url(psfs_due), {"activity_1": "Running", "rating_1": "6"})
    latest = Response.objects.order_by("-submitted_at").first()
    assert latest.answers["activity_1"] == "Stairs"
    assert latest.score == 6
    progress = page(signed_in, reverse("outcomes:progress"))
    assert "Your score improved by 3 points since you started — at least the change" in progress


def test_a_response_keeps_the_version_it_was_answered_in(signed_in, psfs_due, psfs):
    signed_in.post(answer_url(psfs_due), {"activity_1": "Stairs", "rating_1": "3"})
    newer = Questionnaire.objects.get(pk=psfs.pk)
    newer.pk, newer.version = None, 2
    newer.save()
    response = Response.objects.get()
    assert response.questionnaire_id == psfs.pk
    with pytest.raises(ValueError, match="never changed"):
        response.save()


def test_a_template_schedule_asks_every_plan_made_from_it(signed_in, plan_a, psfs, manager_a):
    services.attach_measure(questionnaire=psfs, by=manager_a, template=plan_a.template)
    assert "Questionnaires to fill in" in page(signed_in, "/")


@pytest.mark.parametrize("responses", [0, 1, 12])
def test_progress_makes_a_fixed_number_of_queries(
    signed_in, psfs_due, patient_a, django_assert_num_queries, frozen_clock, responses
):
    due = selectors.due_for([patient_a], patient_a.clinic.today())[0]
    for n in range(responses):
        Response.objects.create(
            patient=patient_a,
            plan=due.plan,
            schedule=due.schedule,
            occasion=due.occasion.day - dt.timedelta(days=n + 1),
            questionnaire=due.questionnaire,
            language="en",
            answers=psfs_answers(rating_1=n % 10),
            score=n % 10,
            submitted_at=due.plan.created_at - dt.timedelta(days=n),
        )
    # session, user with patient and clinic, plans, schedules, answered, responses, the pain
    # rating's questionnaire and its daily scores.
    with django_assert_num_queries(8):
        response = signed_in.get(reverse("outcomes:progress"))
    assert response.status_code == 200


def test_the_chart_marks_the_change_that_matters(signed_in, psfs_due, frozen_clock, patient_a):
    signed_in.post(answer_url(psfs_due), {"activity_1": "Stairs", "rating_1": "3"})
    two_weeks_later(signed_in, patient_a, frozen_clock)
    signed_in.post(answer_url(psfs_due), {"activity_1": "Stairs", "rating_1": "4"})
    text = page(signed_in, reverse("outcomes:progress"))
    assert 'class="mcid-band"' in text
    assert "change that matters: outside 1 to 5" in text
    assert "less than the change that matters (2 points)" in text
    assert "<table" in text  # the table alternative


def test_schedules_are_in_the_audit_trail(psfs_due):
    from auditlog.models import LogEntry

    assert LogEntry.objects.get_for_object(psfs_due).count() == 1
    assert MeasureSchedule.objects.get().clinic == psfs_due.plan.patient.clinic


def test_pain_is_charted_as_an_outcome(signed_in, patient_a, frozen_clock):
    from django.utils import timezone

    from tests.conftest import make_pain_entry

    now = timezone.now()
    make_pain_entry(patient_a, score=7, at=now - dt.timedelta(days=10))
    make_pain_entry(patient_a, score=4, at=now - dt.timedelta(days=1))
    text = page(signed_in, reverse("outcomes:progress"))
    assert "Pain rating (0-10)" in text
    # Lower is better: 7 down to 4 is an improvement of 3, more than the 2 that matter.
    assert "Your score improved by 3 points since you started — at least the change" in text
    result = selectors.improvement(patient_a, "pain-nrs")
    assert result.important and result.change == 3


def test_a_long_pain_history_charts_the_first_day_and_the_latest_thirty(
    signed_in, patient_a, frozen_clock
):
    from django.utils import timezone

    from tests.conftest import make_pain_entry

    now = timezone.now()
    for days_ago in range(45, 0, -1):  # 45 days: 8 at first, then 3
        make_pain_entry(patient_a, score=8 if days_ago > 30 else 3, at=now - dt.timedelta(days_ago))
    (pain,) = selectors.progress(patient_a)
    assert len(pain.responses) == selectors.PAIN_DAYS_CHARTED
    assert pain.responses[0].score == 8  # the baseline stays
    assert [r.score for r in pain.responses[1:]] == [3] * 29
    assert pain.improvement.change == 5 and pain.improvement.count == 45
    text = page(signed_in, reverse("outcomes:progress"))
    assert "the first day and the latest ones; 15 days in between are not shown" in text
    assert text.count('class="dot"') == selectors.PAIN_DAYS_CHARTED
    assert "Your score improved by 5 points since you started" in text


def test_another_clinics_template_schedule_asks_nothing_of_ours(
    client, plan_b, patient_b, plan_a, psfs, manager_a
):
    # Both plans come from the same shipped template; only clinic A asks for the PSFS.
    assert plan_a.template_id == plan_b.template_id
    services.attach_measure(questionnaire=psfs, by=manager_a, template=plan_a.template)
    assert selectors.due_for([patient_b], patient_b.clinic.today()) == []
    assert len(selectors.due_for([plan_a.patient], plan_a.patient.clinic.today())) == 1


def test_an_activity_not_named_at_first_is_not_asked_later(
    signed_in, psfs_due, frozen_clock, patient_a
):
    signed_in.post(answer_url(psfs_due), {"activity_1": "Stairs", "rating_1": "3"})
    two_weeks_later(signed_in, patient_a, frozen_clock)
    text = page(signed_in, answer_url(psfs_due))
    assert 'name="rating_1"' in text
    assert 'name="rating_2"' not in text
    signed_in.post(
        answer_url(psfs_due), {"rating_1": "5", "activity_2": "Running", "rating_2": "9"}
    )
    latest = Response.objects.order_by("-submitted_at").first()
    assert latest.score == 5
    assert "activity_2" not in latest.answers


def test_a_patient_with_answers_can_be_deleted(signed_in, psfs_due, patient_a):
    signed_in.post(answer_url(psfs_due), {"activity_1": "Stairs", "rating_1": "3"})
    patient_a.delete()  # the retention purge: their plans, schedules and answers go too
    assert not Response.objects.exists()
    assert not MeasureSchedule.objects.exists()


@pytest.mark.parametrize("both", [True, False])
def test_a_schedule_is_a_plans_or_a_templates(plan_a, psfs, both):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        MeasureSchedule.objects.create(
            clinic=plan_a.patient.clinic,
            questionnaire=psfs,
            plan=plan_a if both else None,
            template=plan_a.template if both else None,
            attached_on=plan_a.start_date,
        )


@pytest.mark.parametrize("schedules", [1, 6])
def test_today_with_measures_due_makes_a_fixed_number_of_queries(
    signed_in, plan_a, psfs, groc, clinician_a, django_assert_num_queries, schedules
):
    for n in range(schedules):
        services.attach_measure(questionnaire=psfs if n % 2 else groc, by=clinician_a, plan=plan_a)
    # Today's own, and the measures' answers looked up.
    with django_assert_num_queries(TODAY_QUERIES + 1):
        response = signed_in.get("/")
    assert "Questionnaires to fill in" in response.content.decode()
