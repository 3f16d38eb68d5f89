"""Two people editing one plan: the second save over a plan that changed since it was opened
is refused with a clear message, keeps everything typed, and goes through once saved again.

The plans are English-speaking patients': their English title and message are what change.
"""

import pytest

from patients import services
from patients.models import Plan

CONFLICT = "This plan changed since you opened it"


def url(plan):
    return f"/admin/patients/plan/{plan.pk}/change/"


def opened(client, plan):
    """What the change form posts as it was opened."""
    response = client.get(url(plan))
    assert response.status_code == 200
    return posted_as_shown(response)


def posted_as_shown(response):
    """What a change form posts as it is shown: every field and inline row, unchanged."""
    data = {"_save": "Save"}
    forms = [response.context["adminform"].form]
    for inline in response.context["inline_admin_formsets"]:
        data.update({field.html_name: field.value() for field in inline.formset.management_form})
        forms += inline.formset.forms
    for form in forms:
        for field in form:
            value = field.value()
            if value is None or value is False:
                continue
            data[field.html_name] = "on" if value is True else value
    return data


def item_field(data, position, name):
    """The name of the inline field `name` of the row at `position` (1 = first)."""
    index = sorted(
        (int(value), key.split("-")[1])
        for key, value in data.items()
        if key.startswith("items-") and key.endswith("-position")
    )[position - 1][1]
    return f"items-{index}-{name}"


@pytest.fixture
def two_editors(client, clinician_a, manager_a, plan_a):
    """The clinician and the manager open the same plan, each in their own browser."""
    from tests.conftest import PortalClient

    other = PortalClient()
    client.force_login(clinician_a)
    other.force_login(manager_a)
    return client, other, opened(client, plan_a), opened(other, plan_a)


def test_the_second_save_over_a_changed_plan_is_refused_and_keeps_what_was_typed(
    two_editors, plan_a, manager_a
):
    first, second, first_form, second_form = two_editors
    assert (
        first.post(url(plan_a), {**first_form, "title_en": "Phase 1, gentler"}).status_code == 302
    )
    second_form["message_en"] = "Ice after each session."
    second_form[item_field(second_form, 1, "sets")] = "4"
    response = second.post(url(plan_a), second_form)
    assert response.status_code == 200
    assert CONFLICT in response.text
    assert "Please correct the error below." in response.text  # the admin's note, at the top
    assert "Clinician Clinic-A saved it" in response.text
    # Nothing of the second save is in the plan; all of it is still in the form.
    plan_a.refresh_from_db()
    assert (plan_a.title, plan_a.message) == ("Phase 1, gentler", "")
    assert plan_a.items.order_by("position").first().sets != 4
    assert "Ice after each session." in response.text
    assert response.context["inline_admin_formsets"][0].formset.forms[0]["sets"].value() == "4"
    # Saving again, now knowing, keeps the second person's changes.
    kept = posted_as_shown(response)
    assert second.post(url(plan_a), kept).status_code == 302
    plan_a.refresh_from_db()
    assert plan_a.message == "Ice after each session."
    assert plan_a.items.order_by("position").first().sets == 4


@pytest.mark.parametrize(
    "change",
    [
        "a pause from the list",
        "an exercise's dose",
        "an exercise offered with its variants",
        "an exercise removed",
    ],
)
def test_any_change_since_the_plan_was_opened_is_a_conflict(
    two_editors, plan_a, clinician_a, change
):
    first, second, first_form, second_form = two_editors
    if change == "a pause from the list":
        services.set_plan_status(plan=plan_a, status=Plan.Status.PAUSED, by=clinician_a)
    else:
        field = {
            "an exercise's dose": ("reps", "3"),
            "an exercise offered with its variants": ("show_variants", "on"),
            "an exercise removed": ("DELETE", "on"),
        }[change]
        first_form[item_field(first_form, 2, field[0])] = field[1]
        assert first.post(url(plan_a), first_form).status_code == 302
    version = Plan.objects.get(pk=plan_a.pk).version
    second_form["title_en"] = "Renamed"
    response = second.post(url(plan_a), second_form)
    assert response.status_code == 200
    assert CONFLICT in response.text
    assert f"it is now version {version}" in response.text
    assert Plan.objects.get(pk=plan_a.pk).title != "Renamed"


@pytest.mark.parametrize("forged", ["", "abc", "1180591620717411303424", "-1", "0"])
def test_a_missing_or_forged_opened_version_is_a_conflict_not_an_error(
    client, clinician_a, plan_a, forged
):
    client.force_login(clinician_a)
    data = {**opened(client, plan_a), "title_en": "Forged", "opened_version": forged}
    response = client.post(url(plan_a), data)
    assert response.status_code == 200
    assert CONFLICT in response.text
    assert Plan.objects.get(pk=plan_a.pk).title != "Forged"


def test_a_save_over_the_version_opened_goes_through_at_once(client, clinician_a, plan_a):
    client.force_login(clinician_a)
    data = {**opened(client, plan_a), "title_en": "Phase 1, week 2"}
    assert client.post(url(plan_a), data).status_code == 302
    plan_a.refresh_from_db()
    assert (plan_a.title, plan_a.version) == ("Phase 1, week 2", 2)


def test_the_front_desk_sees_the_plan_without_the_version_field(client, front_desk_a, plan_a):
    client.force_login(front_desk_a)
    response = client.get(url(plan_a))
    assert response.status_code == 200
    assert "opened_version" not in response.text
