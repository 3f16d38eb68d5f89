import pytest

from clinic.models import User
from clinic.roles import CLINICIAN
from clinic.services import set_staff_role
from education.models import Article
from tests.education.conftest import bilingual, grow_library, make_article, make_condition

CHANGELIST = "/admin/education/article/"
# session, user, user and group permissions, condition filter choices, filtered and total
# counts, and the page of articles with their reviewers.
CHANGELIST_QUERIES = 9


@pytest.fixture
def articles(empty_library, clinic_a):
    pfps = make_condition("pfps", name="Patellofemoral pain")
    # Clinic A's own: its clinicians may change it.
    soreness = make_article(
        "soreness", title="Soreness after exercise", body="word " * 450, clinic=clinic_a
    )
    soreness.conditions.set([pfps])
    make_article("warning-signs", title="Warning signs", status=Article.Status.DRAFT)
    return {"pfps": pfps, "soreness": soreness}


def listed(response):
    return [article.slug for article in response.context["cl"].result_list]


def test_search_by_title(client, clinician_a, articles):
    client.force_login(clinician_a)
    assert listed(client.get(CHANGELIST, {"q": "warning"})) == ["warning-signs"]


def test_filter_by_status_and_condition(client, clinician_a, articles):
    client.force_login(clinician_a)
    assert listed(client.get(CHANGELIST, {"status__exact": "draft"})) == ["warning-signs"]
    by_condition = client.get(CHANGELIST, {"conditions__id__exact": articles["pfps"].pk})
    assert listed(by_condition) == ["soreness"]


def test_the_list_shows_status_and_reading_time(client, clinician_a, articles):
    client.force_login(clinician_a)
    text = client.get(CHANGELIST).text
    assert '<td class="field-status">Published</td>' in text
    assert '<td class="field-status">Draft</td>' in text
    assert '<td class="field-reading_minutes">3</td>' in text


def test_the_change_form_shows_the_reading_time(client, clinician_a, articles):
    client.force_login(clinician_a)
    text = client.get(f"{CHANGELIST}{articles['soreness'].pk}/change/").text
    assert "Reading time (minutes)" in text
    assert '<div class="readonly">3</div>' in text


def test_only_the_clinics_active_clinicians_can_be_named_as_reviewer(
    client, clinic_a, clinician_a, manager_a, front_desk_a, clinician_b, patient_user_a, articles
):
    left = User.objects.create_user(email="left@a.example", is_staff=True, is_active=False)
    set_staff_role(user=left, clinic=clinic_a, role=CLINICIAN)
    client.force_login(clinician_a)
    form = client.get(f"{CHANGELIST}{articles['soreness'].pk}/change/").context["adminform"].form
    choices = set(form.fields["reviewed_by"].queryset)
    # Not the front desk, not another clinic's clinician, not someone who has left.
    assert choices == {clinician_a, manager_a}


def test_a_patient_cannot_be_saved_as_reviewer(client, clinician_a, patient_user_a, articles):
    client.force_login(clinician_a)
    article = articles["soreness"]
    response = client.post(
        f"{CHANGELIST}{article.pk}/change/",
        bilingual(
            Article,
            {
                "title": article.title,
                "slug": article.slug,
                "status": "published",
                "summary": article.summary,
                "body": article.body,
                "reviewed_by": patient_user_a.pk,
                "reviewed_on": "2026-03-02",
            },
        ),
    )
    assert response.status_code == 200
    assert "reviewed_by" in response.context["adminform"].form.errors
    article.refresh_from_db()
    assert article.reviewed_by is None


def test_saving_through_the_admin_renders_the_body_safely(client, clinician_a, db):
    client.force_login(clinician_a)
    response = client.post(
        f"{CHANGELIST}add/",
        bilingual(
            Article,
            {
                "title": "Ice",
                "slug": "ice",
                "status": "draft",
                "summary": "Cold helps.",
                "body": "## Ice\n\n<script>alert(1)</script>",
                "reviewed_by": clinician_a.pk,
                "reviewed_on": "2026-03-02",
            },
        ),
    )
    assert response.status_code == 302
    article = Article.objects.get(slug="ice")
    assert article.body_html.startswith("<h2>Ice</h2>")
    assert "<script" not in article.body_html
    assert article.reviewed_by == clinician_a


def test_front_desk_cannot_add(client, front_desk_a, db):
    client.force_login(front_desk_a)
    assert client.get(CHANGELIST).status_code == 200
    assert client.get(f"{CHANGELIST}add/").status_code == 403


def test_the_changelist_query_count_does_not_grow(
    client, clinician_a, articles, django_assert_num_queries
):
    articles["soreness"].reviewed_by = clinician_a
    articles["soreness"].save()
    client.force_login(clinician_a)
    with django_assert_num_queries(CHANGELIST_QUERIES):
        assert client.get(CHANGELIST).status_code == 200
    grow_library(30)
    Article.objects.update(reviewed_by=clinician_a)
    with django_assert_num_queries(CHANGELIST_QUERIES):
        response = client.get(CHANGELIST)
    assert len(response.context["cl"].result_list) == 32
