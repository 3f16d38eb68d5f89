from io import StringIO

from django.apps import apps
from django.core.management import call_command

from education.models import Article, Condition, Exercise, ProgrammeTemplate
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
    assert all(first.values()), "every library table has rows"


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
