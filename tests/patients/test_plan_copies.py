"""A plan is the patient's own copy of a template, and every change to it is a revision."""

from education.models import Exercise, ProgrammeTemplate, ProgrammeTemplateItem
from patients import rules, services
from patients.models import Plan, PlanItem
from tests.conftest import make_plan


def doses(plan):
    return [
        (item.exercise.slug, item.sets, item.reps, item.note)
        for item in plan.items.select_related("exercise").order_by("position")
    ]


def test_later_template_edits_never_reach_an_assigned_plan(plan_a):
    before = doses(plan_a)
    template = ProgrammeTemplate.objects.get(slug="knee-settle-phase-1")
    template.name = "Renamed template"
    template.save()
    ProgrammeTemplateItem.objects.filter(template=template).update(sets=5, reps=20, note="New")
    Exercise.objects.filter(slug="quad-set").update(sets=9, reps=99)
    ProgrammeTemplateItem.objects.filter(template=template, position=4).delete()

    plan_a.refresh_from_db()
    assert plan_a.title == "Knee pain after exercise — settle (phase 1)"
    assert doses(plan_a) == before
    assert len(before) == 4


def test_a_dose_tailored_at_assignment_is_the_patients_own(library, patient_a):
    plan = make_plan(patient_a, dose_changes={2: {"sets": 3, "reps": 6}})
    bridge = plan.items.get(position=2)
    assert (bridge.sets, bridge.reps) == (3, 6)
    template_item = ProgrammeTemplateItem.objects.get(
        template__slug="knee-settle-phase-1", position=2
    )
    assert (template_item.dose.sets, template_item.dose.reps) == (2, 10)


def test_a_new_plan_starts_at_version_1_with_its_snapshot(plan_a):
    plan_a.refresh_from_db()
    revision = plan_a.revisions.get()
    assert (plan_a.version, revision.number) == (1, 1)
    assert revision.snapshot == services.plan_snapshot(plan_a)


def test_a_change_is_kept_as_a_new_revision_and_saving_unchanged_keeps_none(plan_a, clinician_a):
    assert services.record_revision(plan=plan_a, by=clinician_a) is None
    PlanItem.objects.filter(plan=plan_a, position=1).update(sets=3)
    revision = services.record_revision(plan=plan_a, by=clinician_a)
    plan_a.refresh_from_db()
    assert (revision.number, plan_a.version, plan_a.revisions.count()) == (2, 2, 2)
    assert revision.created_by == clinician_a


def test_revision_differences_in_plain_words(plan_a, clinician_a):
    first = plan_a.revisions.get().snapshot
    PlanItem.objects.filter(plan=plan_a, exercise__slug="clamshell").update(reps=15)
    PlanItem.objects.filter(plan=plan_a, exercise__slug="calf-raise").delete()
    bridge = PlanItem.objects.get(plan=plan_a, exercise__slug="glute-bridge")
    bridge.note = "Go a little higher now."
    bridge.save()
    PlanItem.objects.create(
        plan=plan_a,
        exercise=Exercise.objects.get(slug="step-down"),
        position=5,
        **Exercise.objects.get(slug="step-down").dose.__dict__,
    )
    Plan.objects.filter(pk=plan_a.pk).update(message="Great progress.")
    plan_a.refresh_from_db()
    services.record_revision(plan=plan_a, by=clinician_a)
    latest = plan_a.revisions.get(number=2).snapshot

    assert rules.plan_changes(first, latest) == [
        "Your clinician updated their message to you.",
        "Glute bridge: new note from your clinician.",
        "Clamshell: repetitions changed from 10 to 15.",
        "New exercise: Step-down.",
        "Removed: Calf raise.",
    ]


def test_no_differences_before_a_first_view(plan_a):
    assert rules.plan_changes(None, plan_a.revisions.get().snapshot) == []


def test_the_same_exercise_twice_reports_the_change_to_the_one_that_changed(plan_a, clinician_a):
    calf = Exercise.objects.get(slug="calf-raise")
    left = PlanItem.objects.create(
        plan=plan_a, exercise=calf, position=8, **{**calf.dose.values(), "side": "left"}
    )
    PlanItem.objects.create(
        plan=plan_a, exercise=calf, position=9, **{**calf.dose.values(), "side": "right"}
    )
    services.record_revision(plan=plan_a, by=clinician_a)
    before = plan_a.revisions.order_by("-number").first().snapshot
    left.reps = calf.reps + 5
    left.save()
    services.record_revision(plan=plan_a, by=clinician_a)
    after = plan_a.revisions.order_by("-number").first().snapshot
    assert rules.plan_changes(before, after) == [
        f"Calf raise: repetitions changed from {calf.reps} to {calf.reps + 5}."
    ]


def test_snapshots_from_before_item_ids_are_still_compared_by_name(plan_a):
    snapshot = plan_a.revisions.get().snapshot
    old = {
        **snapshot,
        "items": [{k: v for k, v in i.items() if k != "id"} for i in snapshot["items"]],
    }
    new = {**snapshot, "items": [dict(i) for i in snapshot["items"]]}
    new["items"][0]["sets"] += 1
    name = new["items"][0]["exercise"]["en"]  # snapshots keep every language's name
    assert rules.plan_changes(old, new) == [
        f"{name}: sets changed from {new['items'][0]['sets'] - 1} to {new['items'][0]['sets']}."
    ]


def test_a_change_of_side_is_told_in_words(plan_a, clinician_a):
    item = plan_a.items.exclude(side="affected").order_by("position").first()
    assert item.side == "both"
    before = plan_a.revisions.get().snapshot
    item.side = "affected"
    item.save()
    services.record_revision(plan=plan_a, by=clinician_a)
    after = plan_a.revisions.order_by("-number").first().snapshot
    assert rules.plan_changes(before, after) == [
        f"{item.exercise.name}: side changed from Both sides to Affected side."
    ]
