"""The library's admin in both languages: each text's English and French side by side, a
"missing French" / "missing English" filter, and no exercise or article published with what
patients read missing in either language."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from education.models import Article, Exercise
from tests.education.conftest import bilingual, exercise_form, make_article, make_exercise

EXERCISES = "/admin/education/exercise/"
ARTICLES = "/admin/education/article/"
WRITE_IN_FRENCH = "Write this in French too: what patients read is published in both languages."
WRITE_IN_ENGLISH = "Write this in English too: what patients read is published in both languages."


@pytest.fixture
def editor(client, clinician_a, empty_library):
    client.force_login(clinician_a)
    return client


def test_each_text_is_edited_in_both_languages_side_by_side(editor):
    response = editor.get(f"{EXERCISES}add/")
    lines = [
        line
        for _title, options in response.context["adminform"].fieldsets
        for line in options["fields"]
    ]
    for name in Exercise.reader_fields:
        assert (f"{name}_en", f"{name}_fr") in lines  # one line: English beside French
    assert "Name (English)" in response.text and "Name (French)" in response.text


def test_an_exercise_missing_french_is_not_published(editor):
    response = editor.post(f"{EXERCISES}add/", exercise_form(steps_fr="", purpose_fr=""))
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert errors["steps_fr"] == [WRITE_IN_FRENCH]
    assert errors["purpose_fr"] == [WRITE_IN_FRENCH]
    assert "Please correct the errors below." in response.text  # at the top of the form
    assert not Exercise.objects.filter(slug="side-plank").exists()


def test_an_exercise_missing_english_is_not_published_either(editor):
    response = editor.post(f"{EXERCISES}add/", exercise_form(name_en="", cues_en=""))
    errors = response.context["adminform"].form.errors
    assert errors["name_en"] == [WRITE_IN_ENGLISH]
    assert errors["cues_en"] == [WRITE_IN_ENGLISH]
    assert not Exercise.objects.filter(slug="side-plank").exists()


def test_a_draft_may_wait_for_its_translation(editor):
    data = exercise_form(is_published=None, **{f"{f}_fr": "" for f in Exercise.reader_fields})
    assert editor.post(f"{EXERCISES}add/", data).status_code == 302
    draft = Exercise.objects.get(slug="side-plank")
    assert (draft.is_published, draft.name_en, draft.name_fr) == (False, "Side plank", None)


def test_a_draft_may_be_written_in_french_alone(editor):
    data = exercise_form(is_published=None, **{f"{f}_en": "" for f in Exercise.reader_fields})
    assert editor.post(f"{EXERCISES}add/", data).status_code == 302
    assert Exercise.objects.get(slug="side-plank").name_fr == "[fr] Side plank"


def test_a_text_written_in_no_language_is_refused(editor):
    data = exercise_form(is_published=None, name_en="", name_fr="")
    response = editor.post(f"{EXERCISES}add/", data)
    assert response.context["adminform"].form.errors["name_en"] == [
        "Write this in at least one language."
    ]


def test_an_article_is_published_only_in_both_languages(editor, clinician_a):
    data = bilingual(
        Article,
        {"title": "Ice", "slug": "ice", "status": "published", "summary": "Cold helps."},
    )
    data |= {"body_en": "## Ice\n\nTen minutes.", "body_fr": ""}
    response = editor.post(f"{ARTICLES}add/", data)
    assert response.context["adminform"].form.errors["body_fr"] == [WRITE_IN_FRENCH]
    data["body_fr"] = "## Glace\n\nDix minutes, " + "mot " * 400
    assert editor.post(f"{ARTICLES}add/", data).status_code == 302
    article = Article.objects.get(slug="ice")
    # Rendered and timed in each language.
    assert article.body_html_en.startswith("<h2>Ice</h2>")
    assert article.body_html_fr.startswith("<h2>Glace</h2>")
    assert (article.reading_minutes_en, article.reading_minutes_fr) == (1, 3)


@pytest.fixture
def half_translated(empty_library, clinic_a):
    make_exercise("complete")
    make_exercise("no-french", clinic=clinic_a, is_published=False, steps_fr="", cues_fr="")
    make_exercise("no-english", clinic=clinic_a, is_published=False, name_en="", purpose_en="")
    # Nothing written in French, where the English has nothing either: nothing missing.
    make_exercise("no-equipment", equipment="")


@pytest.mark.parametrize(
    ("language", "listed"), [("fr", ["no-french"]), ("en", ["no-english"]), (None, None)]
)
def test_the_list_filters_what_is_missing_a_language(editor, half_translated, language, listed):
    response = editor.get(EXERCISES, {"missing": language} if language else {})
    slugs = sorted(exercise.slug for exercise in response.context["cl"].result_list)
    assert slugs == (listed or ["complete", "no-english", "no-equipment", "no-french"])
    if language is None:
        assert "Missing French" in response.text and "Missing English" in response.text


def test_the_list_says_which_language_is_missing(editor, half_translated):
    html = editor.get(EXERCISES).text
    assert '<td class="field-translation">Missing French</td>' in html
    assert '<td class="field-translation">Missing English</td>' in html
    assert '<td class="field-translation">Complete</td>' in html


def test_a_filter_value_that_is_no_language_is_a_clear_400(editor, half_translated):
    response = editor.get(EXERCISES, {"missing": "de"})
    assert response.status_code == 400
    assert "Filter not understood" in response.text


def test_the_filtered_list_keeps_a_fixed_number_of_queries(
    editor, half_translated, django_assert_num_queries
):
    with CaptureQueriesContext(connection) as first:
        editor.get(ARTICLES, {"missing": "fr"})
    for n in range(20):
        make_article(f"untranslated-{n}", status=Article.Status.DRAFT, body_fr="")
    with django_assert_num_queries(len(first.captured_queries)):
        response = editor.get(ARTICLES, {"missing": "fr"})
    assert len(response.context["cl"].result_list) == 20
