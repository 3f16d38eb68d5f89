"""My articles: the list (unread first) and reading one (records the first read)."""

import datetime as dt

import pytest
import time_machine

from education.models import Article
from patients.models import ArticleAssignment


@pytest.fixture
def signed_in(client, patient_a):
    client.force_login(patient_a.user)
    return client


@pytest.fixture
def assignments(plan_a, patient_a):
    """patient_a's two articles (from the plan's template), by title."""
    return list(patient_a.article_assignments.order_by("article__title"))


def test_unread_articles_are_listed_first(signed_in, assignments):
    read, unread = assignments
    ArticleAssignment.objects.filter(pk=read.pk).update(
        first_read_at=dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    )
    response = signed_in.get("/articles/")
    assert response.status_code == 200
    text = response.text
    assert text.index(unread.article.title) < text.index(read.article.title)
    assert text.count(">New<") == 1


def test_a_draft_article_is_neither_listed_nor_opened(signed_in, assignments):
    draft = assignments[0]
    Article.objects.filter(pk=draft.article_id).update(status=Article.Status.DRAFT)
    assert draft.article.title not in signed_in.get("/articles/").text
    assert signed_in.get(f"/articles/{draft.pk}/").status_code == 404
    draft.refresh_from_db()
    assert draft.first_read_at is None


def test_opening_an_article_records_the_first_read_only(signed_in, assignments):
    assignment = assignments[0]
    with time_machine.travel(dt.datetime(2026, 2, 1, 12, 0, tzinfo=dt.UTC), tick=False):
        assert signed_in.get(f"/articles/{assignment.pk}/").status_code == 200
    with time_machine.travel(dt.datetime(2026, 2, 3, 12, 0, tzinfo=dt.UTC), tick=False):
        assert signed_in.get(f"/articles/{assignment.pk}/").status_code == 200
    assignment.refresh_from_db()
    assert assignment.first_read_at == dt.datetime(2026, 2, 1, 12, 0, tzinfo=dt.UTC)


def test_the_article_body_is_shown_as_sanitised_html(signed_in, assignments):
    article = assignments[0].article
    article.body = "## Rest a little\n\nThen move.\n\n<script>alert(1)</script>"
    article.save()
    text = signed_in.get(f"/articles/{assignments[0].pk}/").text
    assert "<h2>Rest a little</h2>" in text
    assert "<script>alert(1)</script>" not in text


def test_the_list_makes_a_fixed_number_of_queries(
    signed_in, django_assert_num_queries, assignments
):
    # session, user, the assignments with their articles.
    with django_assert_num_queries(3):
        response = signed_in.get("/articles/")
    assert response.status_code == 200
