"""A clinic writes criteria and teach-back questions for its own templates and articles; the
shipped ones it reads (and copies to adapt)."""

import pytest

from education import services as library_services
from education.models import Article, PhaseCriterion, ProgrammeTemplate

pytestmark = pytest.mark.django_db


def test_a_clinic_adds_criteria_only_to_its_own_templates(client, clinician_a, clinic_a, library):
    shipped = ProgrammeTemplate.objects.get(slug="knee-settle-phase-1")
    own = library_copy_of(shipped, clinic_a)
    client.force_login(clinician_a)
    form = client.get("/admin/education/phasecriterion/add/").context["adminform"].form
    assert list(form.fields["template"].queryset) == [own]
    response = client.post(
        "/admin/education/phasecriterion/add/",
        {"template": shipped.pk, "position": 5, "kind": "max_pain", "target": 2, "days": 7},
    )
    assert response.status_code == 200  # refused: not a choice
    assert not PhaseCriterion.objects.filter(template=shipped, target=2).exists()
    shipped_criterion = shipped.criteria.get(kind="max_pain")
    change = client.get(f"/admin/education/phasecriterion/{shipped_criterion.pk}/change/")
    assert change.context["has_change_permission"] is False  # the shipped one: read-only


def library_copy_of(template, clinic):
    """A copy for the clinic carries the shipped criteria along (to adapt)."""
    copy = library_services.copy_to_clinic(item=template, clinic=clinic)
    assert set(copy.criteria.values_list("kind", "target", "days")) == set(
        template.criteria.values_list("kind", "target", "days")
    )
    return copy


def test_a_criterion_needs_its_target_and_window(client, clinician_a, clinic_a, library):
    own = library_copy_of(ProgrammeTemplate.objects.get(slug="knee-settle-phase-1"), clinic_a)
    own.criteria.all().delete()
    client.force_login(clinician_a)
    page = client.post(
        "/admin/education/phasecriterion/add/",
        {"template": own.pk, "position": 1, "kind": "adherence", "target": "", "days": ""},
    )
    assert "Give a target from 0 to 100." in page.text
    assert "Give the number of days it is measured over (1 to 28)." in page.text
    assert not own.criteria.exists()


def test_a_copied_article_keeps_its_questions(clinic_a, library):
    article = Article.objects.get(slug="warning-signs")
    copy = library_services.copy_to_clinic(item=article, clinic=clinic_a)
    assert copy.questions.count() == 3
    assert [q.choices.filter(is_correct=True).count() for q in copy.questions.all()] == [1, 1, 1]
