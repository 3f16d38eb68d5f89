import datetime
from pathlib import Path

import pytest
import time_machine
from django.contrib.staticfiles import finders

from education.models import Condition
from tests.education.conftest import grow_library, make_article

DRAFT_BADGE = "Draft — patients cannot see this"


def url(article):
    return f"/library/articles/{article.slug}/"


def test_anonymous_visitors_are_sent_to_sign_in(client, article):
    response = client.get(url(article))
    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next={url(article)}"


def test_a_patient_reads_a_published_article(client, patient_user_a, article):
    client.force_login(patient_user_a)
    response = client.get(url(article))
    assert response.status_code == 200
    assert DRAFT_BADGE not in response.text


def test_a_draft_is_not_found_for_a_patient(client, patient_user_a, draft_article):
    client.force_login(patient_user_a)
    assert client.get(url(draft_article)).status_code == 404


@pytest.mark.parametrize("user", ["clinician_a", "front_desk_a", "superuser"])
def test_staff_preview_a_draft_with_a_badge(client, request, user, draft_article):
    client.force_login(request.getfixturevalue(user))
    response = client.get(url(draft_article))
    assert response.status_code == 200
    assert DRAFT_BADGE in response.text


def test_an_unknown_article_is_not_found(client, patient_user_a, db):
    client.force_login(patient_user_a)
    assert client.get("/library/articles/no-such-article/").status_code == 404


def test_the_page_only_answers_get(client, patient_user_a, article):
    client.force_login(patient_user_a)
    assert client.post(url(article)).status_code == 405


def test_the_title_is_the_only_top_heading_and_the_body_follows(client, patient_user_a, db):
    article = make_article(
        "flare-up", title="First aid for a flare-up", body="# Rest\n\nA little.\n\n## Ice\n\nCold."
    )
    client.force_login(patient_user_a)
    text = client.get(url(article)).text
    assert text.count("<h1") == 1
    assert '<h1 id="article-title">First aid for a flare-up</h1>' in text
    assert '<div class="article-body">' in text
    assert "<h2>Rest</h2>\n<p>A little.</p>\n<h2>Ice</h2>\n<p>Cold.</p>" in text
    assert '<article class="reading"' in text


def test_reading_time_and_updated_date_are_shown(client, patient_user_a, db):
    with time_machine.travel(datetime.datetime(2026, 3, 2, 15, 0, tzinfo=datetime.UTC)):
        article = make_article("long-read", body="word " * 450)
    client.force_login(patient_user_a)
    text = client.get(url(article)).text
    assert "3 minute read" in text
    assert "Updated March 2, 2026" in text


def test_the_clinical_review_stamp_names_the_reviewer(client, patient_user_a, clinician_a, db):
    article = make_article(
        "reviewed", reviewed_by=clinician_a, reviewed_on=datetime.date(2026, 3, 2)
    )
    client.force_login(patient_user_a)
    text = client.get(url(article)).text
    assert "Clinically reviewed by Clinician Clinic-A on March 2, 2026." in text
    assert clinician_a.email not in text


def test_no_review_stamp_when_nobody_reviewed_it(client, patient_user_a, article):
    client.force_login(patient_user_a)
    assert "Clinically reviewed" not in client.get(url(article)).text


def test_the_print_stylesheet_hides_the_navigation_and_link_addresses():
    css = Path(finders.find("css/portal.css")).read_text()
    print_rules = css[css.index("@media print") :]
    assert ".portal-header" in print_rules
    assert "a[href]::after" in print_rules
    assert "content: none" in print_rules


# Staff pay one more query: the second-factor device of their session.
@pytest.mark.parametrize(("user", "queries"), [("clinician_a", 4), ("patient_user_a", 3)])
def test_the_query_count_does_not_grow_with_the_library(
    client, request, user, queries, clinician_a, article, django_assert_num_queries
):
    article.reviewed_by = clinician_a
    article.save()
    client.force_login(request.getfixturevalue(user))
    # session, user (with their clinic), article with its reviewer
    with django_assert_num_queries(queries):
        assert client.get(url(article)).status_code == 200
    grow_library(30)
    article.conditions.set(Condition.objects.all())
    with django_assert_num_queries(queries):
        response = client.get(url(article))
    assert "Clinically reviewed by Clinician Clinic-A" in response.text
