"""Who owns the library: shipped items are read by every clinic and changed by none; a
clinic's own items are seen and changed by that clinic alone, its staff and its patients."""

import pytest

from education.models import Condition, Exercise, ProgrammeTemplate
from education.services import copy_to_clinic, load_library
from patients.models import Plan
from patients.services import assign_articles, create_plan_from_template
from tests.education.conftest import (
    exercise_form,
    make_article,
    make_condition,
    make_exercise,
    make_programme,
)

ADMIN = "/admin/education/"


@pytest.fixture
def owned(clinic_a, clinic_b):
    """A shipped exercise, and one exercise, article, condition and template of each clinic."""
    shipped = make_exercise("shipped-bridge", name="Shipped bridge")
    items = {"shipped": shipped}
    for key, clinic in (("a", clinic_a), ("b", clinic_b)):
        condition = make_condition(f"{key}-condition", name=f"Condition of {key}", clinic=clinic)
        exercise = make_exercise(f"{key}-bridge", name=f"Bridge of {key}", clinic=clinic)
        exercise.conditions.set([condition])
        exercise.easier_variants.set([shipped])  # so it is one of shipped's harder variants
        article = make_article(f"{key}-article", title=f"Article of {key}", clinic=clinic)
        template = make_programme(
            f"{key}-template",
            [shipped, exercise],
            [article],
            name=f"Template of {key}",
            clinic=clinic,
        )
        items[key] = {
            "condition": condition,
            "exercise": exercise,
            "article": article,
            "programmetemplate": template,
        }
    return items


KINDS = ["exercise", "article", "condition", "programmetemplate"]


@pytest.mark.parametrize("kind", KINDS)
def test_a_clinic_never_sees_another_clinics_items_in_the_admin(client, clinician_b, owned, kind):
    theirs = owned["a"][kind]
    client.force_login(clinician_b)
    listed = client.get(f"{ADMIN}{kind}/")
    assert listed.status_code == 200
    assert owned["b"][kind] in listed.context["cl"].result_list
    assert theirs not in listed.context["cl"].result_list
    for page in ("change", "delete", "history"):
        # Django's "does not exist": it confirms nothing.
        assert client.get(f"{ADMIN}{kind}/{theirs.pk}/{page}/").status_code == 302
    assert client.post(f"{ADMIN}{kind}/{theirs.pk}/delete/", {"post": "yes"}).status_code == 302
    assert type(theirs).objects.filter(pk=theirs.pk).exists()


def test_a_clinic_cannot_change_another_clinics_exercise(client, clinician_b, owned):
    theirs = owned["a"]["exercise"]
    client.force_login(clinician_b)
    response = client.post(
        f"{ADMIN}exercise/{theirs.pk}/change/", exercise_form(name="Mine now", slug=theirs.slug)
    )
    assert response.status_code == 302
    theirs.refresh_from_db()
    assert theirs.name == "Bridge of a"


@pytest.mark.parametrize("kind", KINDS)
def test_shipped_items_open_read_only_and_are_never_changed_or_deleted(
    client, clinician_a, owned, kind
):
    shipped = {
        "exercise": lambda: make_exercise("shipped-squat"),
        "article": lambda: make_article("shipped-article"),
        "condition": lambda: make_condition("shipped-condition"),
        "programmetemplate": lambda: make_programme("shipped-template", []),
    }[kind]()
    client.force_login(clinician_a)
    page = client.get(f"{ADMIN}{kind}/{shipped.pk}/change/")
    assert page.status_code == 200
    assert 'name="_save"' not in page.text
    assert client.post(f"{ADMIN}{kind}/{shipped.pk}/change/", {"name": "X"}).status_code == 403
    assert client.get(f"{ADMIN}{kind}/{shipped.pk}/delete/").status_code == 403
    response = client.post(
        f"{ADMIN}{kind}/",
        {"action": "delete_selected", "_selected_action": [shipped.pk], "post": "yes"},
    )
    assert response.status_code == 403
    assert type(shipped).objects.filter(pk=shipped.pk, clinic=None).exists()


def test_a_clinic_changes_and_deletes_its_own_items(client, clinician_a, owned):
    mine = owned["a"]["exercise"]
    client.force_login(clinician_a)
    response = client.post(
        f"{ADMIN}exercise/{mine.pk}/change/", exercise_form(name="Our bridge", slug=mine.slug)
    )
    assert response.status_code == 302
    mine.refresh_from_db()
    assert mine.name == "Our bridge"
    condition = owned["a"]["condition"]
    response = client.post(f"{ADMIN}condition/{condition.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert not Condition.objects.filter(pk=condition.pk).exists()


def test_an_item_a_clinic_adds_is_its_own(client, clinic_a, clinician_a, clinician_b, db):
    client.force_login(clinician_a)
    assert client.post(f"{ADMIN}exercise/add/", exercise_form()).status_code == 302
    added = Exercise.objects.get(slug="side-plank")
    assert added.clinic == clinic_a
    client.force_login(clinician_b)
    assert client.get(f"{ADMIN}exercise/{added.pk}/change/").status_code == 302


def test_the_front_desk_reads_its_clinics_items_and_changes_none(client, front_desk_a, owned):
    mine = owned["a"]["exercise"]
    client.force_login(front_desk_a)
    page = client.get(f"{ADMIN}exercise/{mine.pk}/change/")
    assert page.status_code == 200
    assert 'name="_save"' not in page.text
    response = client.post(
        f"{ADMIN}exercise/{mine.pk}/change/", exercise_form(name="Renamed", slug=mine.slug)
    )
    assert response.status_code == 403


def test_choices_and_autocomplete_offer_only_shipped_and_own_items(
    client, clinician_b, owned, plan_b
):
    client.force_login(clinician_b)
    form = client.get(f"/admin/patients/plan/{plan_b.pk}/change/").context["inline_admin_formsets"]
    exercises = set(form[0].formset.forms[0].fields["exercise"].queryset)
    assert owned["b"]["exercise"] in exercises
    assert owned["shipped"] in exercises
    assert owned["a"]["exercise"] not in exercises
    response = client.get(
        "/admin/autocomplete/",
        {
            "app_label": "patients",
            "model_name": "planitem",
            "field_name": "exercise",
            "term": "Bridge",
        },
    )
    ids = {row["id"] for row in response.json()["results"]}
    assert str(owned["b"]["exercise"].pk) in ids
    assert str(owned["a"]["exercise"].pk) not in ids


def test_filters_and_read_only_columns_name_no_other_clinics_items(client, clinician_b, owned):
    client.force_login(clinician_b)
    listed = client.get(f"{ADMIN}exercise/")
    assert "Condition of b" in listed.text
    assert "Condition of a" not in listed.text
    shipped = client.get(f"{ADMIN}exercise/{owned['shipped'].pk}/change/")
    assert "Bridge of b" in shipped.text  # its harder variant in clinic B
    assert "Bridge of a" not in shipped.text


def test_copy_to_my_clinic_makes_an_editable_copy(client, clinic_a, clinician_a, library):
    shipped = ProgrammeTemplate.objects.get(slug="knee-settle-phase-1")
    client.force_login(clinician_a)
    response = client.post(
        f"{ADMIN}programmetemplate/",
        {"action": "copy_to_my_clinic", "_selected_action": [shipped.pk]},
        follow=True,
    )
    assert response.status_code == 200
    copy = ProgrammeTemplate.objects.get(clinic=clinic_a)
    assert "1 copy made for Clinic A" in response.text
    assert copy.slug == "knee-settle-phase-1-clinic-a"
    assert copy.name == shipped.name
    assert [(i.position, i.exercise_id, i.sets) for i in copy.items.order_by("position")] == [
        (i.position, i.exercise_id, i.sets) for i in shipped.items.order_by("position")
    ]
    assert set(copy.articles.all()) == set(shipped.articles.all())
    page = client.get(f"{ADMIN}programmetemplate/{copy.pk}/change/")
    assert 'name="_save"' in page.text
    # The shipped template is as it was.
    shipped.refresh_from_db()
    assert shipped.clinic is None
    assert shipped.items.count() == copy.items.count()


def test_a_copy_of_a_copy_gets_a_slug_of_its_own(clinic_a, library):
    bridge = Exercise.objects.get(slug="glute-bridge")
    first = copy_to_clinic(item=bridge, clinic=clinic_a)
    second = copy_to_clinic(item=bridge, clinic=clinic_a)
    assert (first.slug, second.slug) == ("glute-bridge-clinic-a", "glute-bridge-clinic-a-2")
    assert set(second.conditions.all()) == set(bridge.conditions.all())
    assert set(second.easier_variants.all()) == set(bridge.easier_variants.all())


def test_a_superuser_without_a_clinic_is_told_copies_are_for_clinics(client, superuser, library):
    client.force_login(superuser)
    bridge = Exercise.objects.get(slug="glute-bridge")
    response = client.post(
        f"{ADMIN}exercise/",
        {"action": "copy_to_my_clinic", "_selected_action": [bridge.pk]},
        follow=True,
    )
    assert "Only a clinic&#x27;s staff can copy items to their clinic." in response.text
    assert Exercise.objects.filter(clinic__isnull=False).count() == 0


def test_loading_the_library_creates_only_shipped_items_and_leaves_clinic_items(clinic_a, library):
    bridge = Exercise.objects.get(slug="glute-bridge")
    copy = copy_to_clinic(item=bridge, clinic=clinic_a)
    copy.name = "Our glute bridge"
    copy.save()
    load_library()
    copy.refresh_from_db()
    assert copy.name == "Our glute bridge"
    assert copy.clinic == clinic_a
    assert not Exercise.objects.filter(clinic__isnull=False).exclude(pk=copy.pk).exists()


@pytest.mark.parametrize(
    ("actor", "own", "other"),
    [
        ("patient_a", 200, 404),
        ("patient_b", 404, 200),
        ("clinician_a", 200, 404),
        ("front_desk_a", 200, 404),
        ("clinician_b", 404, 200),
        ("superuser", 200, 200),
    ],
)
def test_a_clinics_own_pages_are_for_its_staff_and_patients_alone(
    client, request, owned, actor, own, other
):
    user = request.getfixturevalue(actor)
    client.force_login(getattr(user, "user", user))
    assert client.get("/library/exercises/a-bridge/").status_code == own
    assert client.get("/library/articles/a-article/").status_code == own
    assert client.get("/library/exercises/b-bridge/").status_code == other
    assert client.get("/library/articles/b-article/").status_code == other


def test_the_staff_library_lists_shipped_and_own_items(client, clinician_a, owned):
    client.force_login(clinician_a)
    response = client.get("/library/")
    assert response.status_code == 200
    for name in ("Shipped bridge", "Bridge of a", "Article of a", "Template of a"):
        assert name in response.text
    for name in ("Bridge of b", "Article of b", "Template of b", "Condition of b"):
        assert name not in response.text
    assert client.get("/library/programmes/b-template/").status_code == 404


def test_another_clinics_articles_and_templates_cannot_be_given(
    client, clinician_a, patient_a, owned
):
    client.force_login(clinician_a)
    theirs = owned["b"]["article"]
    given = set(patient_a.article_assignments.values_list("article", flat=True))
    plans = set(Plan.objects.filter(patient=patient_a))
    response = client.post(
        f"/admin/patients/patient/{patient_a.pk}/assign-articles/", {"articles": [theirs.pk]}
    )
    assert response.status_code == 200
    assert "articles" in response.context["form"].errors
    response = client.post(
        f"/admin/patients/patient/{patient_a.pk}/assign-articles/",
        {"articles": [owned["a"]["article"].pk]},
    )
    assert response.status_code == 302
    assert set(patient_a.article_assignments.values_list("article", flat=True)) == {
        *given,
        owned["a"]["article"].pk,
    }
    # The services refuse them too, whoever calls them.
    with pytest.raises(ValueError, match="another clinic"):
        assign_articles(patient=patient_a, articles=[theirs], assigned_by=None)
    with pytest.raises(ValueError, match="another clinic"):
        create_plan_from_template(
            patient=patient_a,
            template=owned["b"]["programmetemplate"],
            created_by=None,
            start_date=patient_a.clinic.today(),
        )
    assert set(Plan.objects.filter(patient=patient_a)) == plans
