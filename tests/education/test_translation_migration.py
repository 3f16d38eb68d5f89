"""Migrations education 0005 and patients 0009: an existing database keeps its English as the
English, gets the French of the shipped items, and its plans' text lands in the right
language."""

import datetime as dt

import pytest

from tests.migrations import latest, migrate

BEFORE = [("education", "0003_library_items_owned_by_clinic"), ("patients", "0007_patient_summary")]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_existing_content_keeps_its_english_and_shipped_items_get_their_french():
    old = migrate(BEFORE)
    try:
        Clinic = old.get_model("clinic", "Clinic")
        User = old.get_model("clinic", "User")
        Patient = old.get_model("patients", "Patient")
        Plan = old.get_model("patients", "Plan")
        PlanItem = old.get_model("patients", "PlanItem")
        Exercise = old.get_model("education", "Exercise")
        Template = old.get_model("education", "ProgrammeTemplate")
        TemplateItem = old.get_model("education", "ProgrammeTemplateItem")
        Article = old.get_model("education", "Article")

        clinic = Clinic.objects.create(name="Old clinic", slug="old-clinic")
        dose = {
            "sets": 3, "reps": 10, "hold_seconds": 2, "rest_seconds": 60,
            "times_per_day": 1, "days_per_week": 5, "side": "both",
        }  # fmt: skip
        text = {"purpose": "Old purpose.", "steps": "Lie down.", "cues": "Breathe."}
        # The shipped rows as an older release left them (the cast's plans use them).
        Exercise.objects.filter(slug="quad-set").update(name="Old quad set", **text)
        shipped = Exercise.objects.get(slug="quad-set")
        own = Exercise.objects.create(
            slug="wall-sit", name="Wall sit", clinic=clinic, mistakes="None.",
            body_region="knee", starting_position="standing", difficulty="easy", **text, **dose,
        )  # fmt: skip
        Article.objects.filter(slug="warning-signs").update(title="Old warning signs")
        template = Template.objects.get(slug="knee-settle-phase-1")
        template.name = "Old phase 1"
        template.save()
        template_note = TemplateItem.objects.get(template=template, position=1).note

        def patient(email, language):
            user = User.objects.create(email=email, language=language)
            return Patient.objects.create(user=user, clinic=clinic)

        start = dt.date(2026, 1, 5)
        french = patient("fr@old.example", "fr")
        copied = Plan.objects.create(
            patient=french, template=template, title="Old phase 1", start_date=start,
            message="On y va doucement.",
        )  # fmt: skip
        copied_item = PlanItem.objects.create(
            plan=copied, exercise=shipped, note=template_note, **dose
        )
        typed_item = PlanItem.objects.create(
            plan=copied, exercise=own, position=2, note="Mur du salon.", **dose
        )
        english = patient("en@old.example", "en")
        renamed = Plan.objects.create(
            patient=english, template=template, title="Alex's knee", start_date=start
        )

        new = migrate(latest())
        Exercise = new.get_model("education", "Exercise")
        Article = new.get_model("education", "Article")
        Plan = new.get_model("patients", "Plan")
        PlanItem = new.get_model("patients", "PlanItem")

        shipped = Exercise.objects.get(slug="quad-set")
        # The English as it was (not the shipped English: load_library brings that back).
        assert (shipped.name_en, shipped.purpose_en) == ("Old quad set", "Old purpose.")
        assert shipped.name_fr == "Contraction du quadriceps"
        assert shipped.steps_fr.startswith("Assoyez-vous sur un lit")
        assert shipped.mistakes_en == shipped.mistakes  # untouched English stays
        own = Exercise.objects.get(slug="wall-sit")
        assert (own.name_en, own.name_fr) == ("Wall sit", None)  # a clinic's: not ours to translate

        article = Article.objects.get(slug="warning-signs")
        assert article.title_en == "Old warning signs"
        assert article.title_fr == "Signes d'alerte : quand communiquer avec la clinique"
        assert article.body_html_fr.startswith("<h2>Soins à la maison ou examen?</h2>")
        assert article.reading_minutes_fr >= 1

        copied = Plan.objects.get(pk=copied.pk)
        assert (copied.title_en, copied.title_fr) == (
            "Old phase 1",
            "Douleur au genou après l'effort — calmer (phase 1)",
        )
        assert (copied.message_en, copied.message_fr) == (None, "On y va doucement.")
        item = PlanItem.objects.get(pk=copied_item.pk)
        assert item.note_en == template_note
        assert item.note_fr.startswith("Commencez par celui-ci.")
        typed = PlanItem.objects.get(pk=typed_item.pk)
        assert (typed.note_en, typed.note_fr) == (None, "Mur du salon.")
        renamed = Plan.objects.get(pk=renamed.pk)
        assert (renamed.title_en, renamed.title_fr) == ("Alex's knee", None)
    finally:
        migrate(latest())
