"""Existing libraries in both languages: the English each row had is kept as its English, and
the shipped items (no clinic, matched by slug) get their French from education/content.

A clinic's own items keep their English only: the admin's "missing French" filter lists
them, and patients meanwhile read the English, marked as such.
"""

from django.db import migrations
from django.db.models import F, Q

from education.content.articles import ARTICLES
from education.content.conditions import CONDITIONS
from education.content.exercises import EXERCISES
from education.content.programmes import PROGRAMMES
from education.markdown import render_markdown
from education.models import reading_minutes

TRANSLATED = {
    "Condition": ("name", "where_it_hurts", "what_brings_it_on", "summary"),
    "Exercise": ("name", "purpose", "steps", "cues", "mistakes", "equipment", "image_alt"),
    "Article": ("title", "summary", "body", "body_html", "reading_minutes"),
    "ProgrammeTemplate": ("name", "purpose", "phase_label"),
    "ProgrammeTemplateItem": ("note",),
}
LINES = ("steps", "cues", "mistakes")


def keep_english(apps, schema_editor):
    for name, fields in TRANSLATED.items():
        model = apps.get_model("education", name)
        for field in fields:
            model.objects.filter(Q(**{f"{field}_en__isnull": True})).update(
                **{f"{field}_en": F(field)}
            )


def french(data, *fields):
    return {
        f"{field}_fr": "\n".join(data[field]["fr"]) if field in LINES else data[field]["fr"]
        for field in fields
    }


def fill_in(model, lookup, values):
    """The French of one shipped row, where the row exists and has none yet."""
    row = model.objects.filter(clinic__isnull=True, **lookup).first()
    if row is None:
        return None
    changed = False
    for column, value in values.items():
        if not getattr(row, column):
            setattr(row, column, value)
            changed = True
    if changed:
        row.save()
    return row


def shipped_french(apps, schema_editor):
    Condition = apps.get_model("education", "Condition")
    Exercise = apps.get_model("education", "Exercise")
    Article = apps.get_model("education", "Article")
    Template = apps.get_model("education", "ProgrammeTemplate")
    Item = apps.get_model("education", "ProgrammeTemplateItem")

    for data in CONDITIONS:
        fields = ("name", "where_it_hurts", "what_brings_it_on", "summary")
        fill_in(Condition, {"slug": data["slug"]}, french(data, *fields))
    for data in EXERCISES:
        fields = ("name", "purpose", "steps", "cues", "mistakes", "equipment")
        fill_in(Exercise, {"slug": data["slug"]}, french(data, *fields))
    for data in ARTICLES:
        body = data["body"]["fr"]
        values = {
            **french(data, "title", "summary", "body"),
            # What Article.save renders: this historical model has no save() of its own.
            "body_html_fr": render_markdown(body),
            "reading_minutes_fr": reading_minutes(body),
        }
        fill_in(Article, {"slug": data["slug"]}, values)
    for data in PROGRAMMES:
        template = fill_in(
            Template, {"slug": data["slug"]}, french(data, "name", "purpose", "phase_label")
        )
        if template is None:
            continue
        for position, item in enumerate(data["items"], start=1):
            row = Item.objects.filter(
                template=template, position=position, exercise__slug=item["exercise"]
            ).first()
            if row is not None and not row.note_fr:
                row.note_fr = item["note"]["fr"]
                row.save(update_fields=["note_fr"])


class Migration(migrations.Migration):
    dependencies = [
        ("education", "0004_translated_columns"),
    ]

    operations = [
        migrations.RunPython(keep_english, migrations.RunPython.noop),
        migrations.RunPython(shipped_french, migrations.RunPython.noop),
    ]
