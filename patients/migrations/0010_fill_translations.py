"""Existing plans in both languages.

A plan's title (and an item's note) that is still its template's is copied from the template
in every language it has (the shipped templates have French since education 0005). Any other
text was written for this patient: it is kept in the patient's own language.
"""

from django.db import migrations


def fill(apps, schema_editor):
    Plan = apps.get_model("patients", "Plan")
    PlanItem = apps.get_model("patients", "PlanItem")
    TemplateItem = apps.get_model("education", "ProgrammeTemplateItem")

    plans = Plan.objects.select_related("patient__user", "template")
    for plan in plans.iterator(chunk_size=500):
        language = plan.patient.user.language
        template = plan.template
        if template is not None and plan.title == template.name:
            plan.title_en, plan.title_fr = template.name_en, template.name_fr
        else:
            setattr(plan, f"title_{language}", plan.title)
        if plan.message:
            setattr(plan, f"message_{language}", plan.message)
        plan.save(update_fields=["title_en", "title_fr", "message_en", "message_fr"])

        notes = {}
        if template is not None:
            for item in TemplateItem.objects.filter(template=template):
                notes.setdefault((item.exercise_id, item.note), item)
        for item in PlanItem.objects.filter(plan=plan).exclude(note=""):
            copied = notes.get((item.exercise_id, item.note))
            if copied is not None:
                item.note_en, item.note_fr = copied.note_en, copied.note_fr
            else:
                setattr(item, f"note_{language}", item.note)
            item.save(update_fields=["note_en", "note_fr"])


class Migration(migrations.Migration):
    dependencies = [
        ("patients", "0009_translated_columns"),
        ("education", "0005_fill_translations"),
    ]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
