"""Teach-back: the patient answers an article's questions after reading it; a wrong answer
shows why and the paragraph, and they try again; the clinician sees not read, read,
understood or needs review."""

import html

import pytest

from education.models import Article, ArticleQuestion
from patients import services
from patients.models import ArticleAssignment, TeachBackAnswer

pytestmark = pytest.mark.django_db


@pytest.fixture
def warning_signs(frozen_clock, library, patient_a, plan_a):
    article = Article.objects.get(slug="warning-signs")
    [assignment] = services.assign_articles(patient=patient_a, articles=[article], assigned_by=None)
    return assignment


def questions(assignment):
    return list(ArticleQuestion.objects.filter(article=assignment.article).with_choices())


def answers(assignment, *, wrong=()):
    """The form's data: the right answer to each question, or a wrong one to those in `wrong`
    (their positions, from 1)."""
    data = {}
    for question in questions(assignment):
        right = question.position not in wrong
        choice = next(c for c in question.choices.all() if c.is_correct is right)
        data[f"q{question.pk}"] = str(choice.pk)
    return data


def state(client, clinician, assignment):
    client.force_login(clinician)
    return client.get(f"/admin/patients/patient/{assignment.patient_id}/change/").text


def test_a_wrong_answer_shows_why_and_the_paragraph_then_right_is_understood(
    client, warning_signs, patient_a, clinician_a
):
    url = f"/articles/{warning_signs.pk}/"
    client.force_login(patient_a.user)
    page = client.get(url).text
    assert "Your knee gives way on the stairs and looks swollen. What do you do?" in page
    assert "Warning signs: when to contact the clinic" in client.get("/").text  # Today's check

    response = client.post(f"{url}check/", answers(warning_signs, wrong={1}))
    assert response.status_code == 302 and response["Location"].endswith("#check")
    page = client.get(url).text
    assert "Not quite." in page
    assert "A knee that gives way and a knee that swells are both warning signs" in page
    assert "Tell us which sign you have noticed and when it started." in page  # the paragraph
    warning_signs.refresh_from_db()
    assert warning_signs.understanding == ""
    # Read, not yet understood.
    assert "Warning signs: when to contact the clinic – read " in state(
        client, clinician_a, warning_signs
    )

    client.force_login(patient_a.user)
    first = questions(warning_signs)[0]
    right = next(c for c in first.choices.all() if c.is_correct)
    client.post(f"{url}check/", {f"q{first.pk}": str(right.pk)})  # only the one left
    warning_signs.refresh_from_db()
    assert warning_signs.understanding == ArticleAssignment.Understanding.UNDERSTOOD
    assert "You answered every question right." in client.get(url).text
    assert "Check you know when to call" not in client.get("/").text  # off Today
    assert "Warning signs: when to contact the clinic – Understood" in state(
        client, clinician_a, warning_signs
    )


def test_wrong_after_two_tries_needs_review(client, warning_signs, patient_a, clinician_a):
    client.force_login(patient_a.user)
    for _try in range(2):
        client.post(f"/articles/{warning_signs.pk}/check/", answers(warning_signs, wrong={2}))
    warning_signs.refresh_from_db()
    assert warning_signs.understanding == ArticleAssignment.Understanding.NEEDS_REVIEW
    assert "Warning signs: when to contact the clinic – Needs review" in state(
        client, clinician_a, warning_signs
    )
    # Right on the third try: still for the clinician to go over.
    client.force_login(patient_a.user)
    client.post(f"/articles/{warning_signs.pk}/check/", answers(warning_signs))
    warning_signs.refresh_from_db()
    assert warning_signs.understanding == ArticleAssignment.Understanding.NEEDS_REVIEW


def test_a_question_left_unanswered_is_said_at_the_top_and_nothing_is_saved(
    client, warning_signs, patient_a
):
    client.force_login(patient_a.user)
    data = answers(warning_signs)
    data.pop(next(iter(data)))
    page = client.post(f"/articles/{warning_signs.pk}/check/", data)
    assert page.status_code == 200
    assert "There is a problem" in page.text
    assert "Choose an answer to: Your knee gives way on the stairs" in page.text
    assert not TeachBackAnswer.objects.filter(assignment=warning_signs).exists()


def test_a_choice_of_another_question_is_refused(client, warning_signs, patient_a):
    client.force_login(patient_a.user)
    data = answers(warning_signs)
    first, second = list(data)[:2]
    data[first] = data[second]
    page = client.post(f"/articles/{warning_signs.pk}/check/", data)
    assert "Choose one of the answers given." in page.text
    assert not TeachBackAnswer.objects.filter(assignment=warning_signs).exists()


def test_patients_see_and_answer_only_their_own_questions(
    client, warning_signs, patient_a2, plan_a2
):
    client.force_login(patient_a2.user)
    assert client.get(f"/articles/{warning_signs.pk}/").status_code == 404
    response = client.post(f"/articles/{warning_signs.pk}/check/", answers(warning_signs))
    assert response.status_code == 404
    assert not TeachBackAnswer.objects.filter(assignment=warning_signs).exists()


def test_a_french_reader_answers_in_french(client, warning_signs, patient_a):
    patient_a.user.language = "fr"
    patient_a.user.save(update_fields=["language"])
    client.force_login(patient_a.user)
    url = f"/articles/{warning_signs.pk}/"
    page = html.unescape(client.get(url).text)
    assert "Votre genou lâche dans l'escalier et semble enflé. Que faites-vous?" in page
    assert "Vérifier ce que vous avez lu" in page or "Vérifiez ce que vous avez lu" in page
    client.post(f"{url}check/", answers(warning_signs, wrong={1}))
    page = html.unescape(client.get(url).text)
    assert "Un genou qui lâche et un genou qui enfle sont deux signes d'alerte" in page
    assert "Your knee" not in page


def test_the_printed_article_carries_its_questions_with_tick_boxes(
    client, warning_signs, clinician_a
):
    client.force_login(clinician_a)
    page = client.get(f"/admin/patients/patient/{warning_signs.patient_id}/handout/").text
    assert "After a fall, your foot turns cold and pale. What do you do?" in page
    assert page.count("☐") >= 8  # 3 + 3 + 2 answers, and the first-aid article's


def test_the_patients_data_download_has_their_answers_and_proposals(
    client, warning_signs, patient_a, plan_a, clinician_a
):
    import json

    from patients.models import PhaseProposal

    client.force_login(patient_a.user)
    client.post(f"/articles/{warning_signs.pk}/check/", answers(warning_signs, wrong={1}))
    proposal = PhaseProposal.objects.create(
        patient=patient_a, plan=plan_a, kind=PhaseProposal.Kind.EASIER, figures={}
    )
    services.dismiss_proposal(proposal=proposal, by=clinician_a, reason="Settling already.")
    data = json.loads(b"".join(client.get("/my-data.json").streaming_content))
    assert {row["tries"] for row in data["teach_back"]} == {1}
    assert [row["right"] for row in data["teach_back"]].count(False) == 1
    [row] = data["proposals"]
    assert (row["status"], row["reason"]) == ("Dismissed", "Settling already.")


def test_the_article_page_costs_the_same_queries_answered_or_not(client, warning_signs, patient_a):
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(patient_a.user)
    url = f"/articles/{warning_signs.pk}/"
    client.get(url)  # the first reading is recorded once

    def cost():
        cache.clear()  # the page's fragment built afresh
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        return len(ctx)

    before = cost()
    client.post(f"{url}check/", answers(warning_signs, wrong={1, 2}))
    assert cost() == before
