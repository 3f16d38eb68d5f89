from io import StringIO

from django.apps import apps
from django.core.management import call_command

from clinic.languages import missing_languages
from education.models import (
    Article,
    Condition,
    Exercise,
    ProgrammeTemplate,
    ProgrammeTemplateItem,
)
from education.services import load_library


def snapshot():
    """Every row of every library table (many-to-many tables included), as plain values."""
    rows = {}
    for model in apps.get_app_config("education").get_models(include_auto_created=True):
        rows[model._meta.label] = sorted(map(str, model.objects.values_list()))
    return rows


def test_running_it_twice_changes_nothing(db):
    load_library()
    first = snapshot()
    load_library()
    assert snapshot() == first
    # Every table the shipped library fills (a clinic's own pictures are only ever uploaded).
    shipped = {label: rows for label, rows in first.items() if label != "education.ExercisePicture"}
    assert all(shipped.values()), "every library table has rows"


def test_running_it_twice_creates_no_duplicates(db):
    load_library()
    counts = {
        model: model.objects.count() for model in (Condition, Exercise, Article, ProgrammeTemplate)
    }
    load_library()
    assert {model: model.objects.count() for model in counts} == counts


def test_it_brings_an_edited_row_back_and_leaves_others_alone(db):
    load_library()
    Exercise.objects.filter(slug="glute-bridge").update(sets=9, name="Changed")
    untouched = Exercise.objects.get(slug="clamshell").updated_at
    load_library()
    bridge = Exercise.objects.get(slug="glute-bridge")
    assert (bridge.name, bridge.sets) == ("Glute bridge", 3)
    assert Exercise.objects.get(slug="clamshell").updated_at == untouched


def test_the_command_reports_what_it_loaded(db):
    out = StringIO()
    call_command("load_library", stdout=out)
    assert out.getvalue().strip() == (
        f"Library loaded: {Condition.objects.count()} conditions, "
        f"{Exercise.objects.count()} exercises, {Article.objects.count()} articles, "
        f"{ProgrammeTemplate.objects.count()} programme templates."
    )


LIBRARY = (Condition, Exercise, Article, ProgrammeTemplate)


def every_column():
    """Every column of every shipped library row, each language's included."""
    rows = {}
    for model in apps.get_app_config("education").get_models(include_auto_created=True):
        names = [field.attname for field in model._meta.concrete_fields]
        rows[model._meta.label] = sorted(map(str, model.objects.values_list(*names)))
    return rows


def test_it_loads_the_library_in_english_and_french(db):
    load_library()
    for model in LIBRARY:
        for item in model.objects.filter(clinic__isnull=True):
            assert missing_languages(item, item.reader_fields) == [], item.slug
    bridge = Exercise.objects.get(slug="glute-bridge")
    assert (bridge.name_en, bridge.name_fr) == ("Glute bridge", "Pont fessier")
    assert bridge.steps_fr.splitlines()[0].startswith("Couchez-vous sur le dos")
    article = Article.objects.get(slug="first-aid-for-a-flare-up")
    assert article.body_html_fr.startswith("<h2>Calmer le genou, mais continuer de bouger</h2>")
    assert article.reading_minutes_fr >= article.reading_minutes_en >= 1
    assert ProgrammeTemplateItem.objects.filter(note_fr="").count() == 0


def test_running_it_twice_changes_nothing_in_either_language(db):
    load_library()
    first = every_column()
    load_library()
    assert every_column() == first


def test_it_brings_back_an_edited_french_text(db):
    load_library()
    Exercise.objects.filter(slug="clamshell").update(name_fr="Changé")
    load_library()
    assert Exercise.objects.get(slug="clamshell").name_fr == "Palourde"
