import pytest

from education.models import Article, ProgrammeTemplateItem
from tests.education.conftest import make_article, make_exercise, make_programme


@pytest.fixture
def programme(bridge, article, draft_article):
    clamshell = make_exercise("clamshell", name="Clamshell")
    quad_set = make_exercise("quad-set", name="Quad set")
    programme = make_programme(
        "settle", [quad_set, bridge, clamshell], [article, draft_article], name="Settle"
    )
    # The bridge is overridden in this template; the others keep their own dose.
    ProgrammeTemplateItem.objects.filter(template=programme, exercise=bridge).update(
        sets=2, reps=8, side="left", note="Lift only as high as is comfortable."
    )
    return programme


URL = "/library/programmes/settle/"


def test_anonymous_visitors_are_sent_to_sign_in(client, programme):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next={URL}"


def test_a_patient_gets_not_found(client, patient_user_a, programme):
    client.force_login(patient_user_a)
    assert client.get(URL).status_code == 404


def test_a_staff_flag_without_a_clinic_gets_not_found(client, patient_user_a, programme):
    patient_user_a.is_staff = True
    patient_user_a.save()
    client.force_login(patient_user_a)
    assert client.get(URL).status_code == 404


@pytest.mark.parametrize("user", ["clinician_a", "front_desk_a", "manager_a", "clinician_b"])
def test_staff_of_every_clinic_open_it(client, request, user, programme):
    client.force_login(request.getfixturevalue(user))
    assert client.get(URL).status_code == 200


def test_an_unknown_template_is_not_found(client, clinician_a, db):
    client.force_login(clinician_a)
    assert client.get("/library/programmes/nothing/").status_code == 404


def test_the_page_only_answers_get(client, clinician_a, programme):
    client.force_login(clinician_a)
    assert client.post(URL).status_code == 405


def test_exercises_are_listed_in_order_with_the_effective_dose(client, clinician_a, programme):
    # Reorder behind the names' backs: the page follows positions, not names or ids.
    ProgrammeTemplateItem.objects.filter(exercise__slug="quad-set").update(position=9)
    client.force_login(clinician_a)
    text = client.get(URL).text
    positions = [
        text.index(f"/library/exercises/{slug}/") for slug in ("bridge", "clamshell", "quad-set")
    ]
    assert positions == sorted(positions)
    bridge_row = text[text.index("/library/exercises/bridge/") :].split("</tr>")[0]
    assert "<td>2</td>\n          <td>8</td>" in bridge_row
    assert "<td>Left</td>" in bridge_row
    assert "Lift only as high as is comfortable." in bridge_row
    clamshell_row = text[text.index("/library/exercises/clamshell/") :].split("</tr>")[0]
    assert "<td>3</td>\n          <td>10</td>" in clamshell_row
    assert "<td>Both sides</td>" in clamshell_row


def test_linked_articles_are_listed_and_drafts_marked(client, clinician_a, programme):
    client.force_login(clinician_a)
    text = client.get(URL).text
    assert '<a href="/library/articles/soreness/">Soreness or irritation</a></li>' in text
    assert (
        '<a href="/library/articles/draft-article/">Draft article</a> '
        '<span class="badge text-bg-warning">Draft</span>'
    ) in text


def test_the_query_count_does_not_grow_with_the_template(
    client, clinician_a, programme, django_assert_num_queries
):
    client.force_login(clinician_a)
    # session, user (with their clinic), template with condition, items with exercises, articles
    with django_assert_num_queries(6):
        assert client.get(URL).status_code == 200
    for n in range(30):
        exercise = make_exercise(f"more-{n}")
        ProgrammeTemplateItem.objects.create(template=programme, exercise=exercise, position=10 + n)
        programme.articles.add(make_article(f"more-{n}", status=Article.Status.DRAFT))
    with django_assert_num_queries(6):
        response = client.get(URL)
    assert response.text.count("/library/exercises/more-") == 30
