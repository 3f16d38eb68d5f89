"""Scoring, worked by hand: each shipped measure, and the rules for missing answers."""

from decimal import Decimal

import pytest

from outcomes import definition, scoring
from tests.outcomes.conftest import psfs_answers

# A small questionnaire of our own: three 0-4 items, summed, rescaled to 0-100.
OWN_ITEMS = [
    {"link_id": f"q{n}", "type": "scale", "min": 0, "max": 4, "text": {"en": f"Q{n}"}}
    for n in (1, 2, 3)
]


def own_scoring(**changes):
    return {"method": "sum", "items": ["q1", "q2", "q3"], "min_answered": 2, **changes}


def test_psfs_is_the_mean_of_the_activities_rated(psfs):
    # Stairs 3, squatting 5, running 4: (3 + 5 + 4) / 3 = 4.
    answers = psfs_answers(rating_1=3, rating_2=5, rating_3=4)
    assert scoring.score(psfs.items, psfs.scoring, answers) == Decimal("4.00")


def test_psfs_of_one_activity_is_its_rating(psfs):
    assert scoring.score(psfs.items, psfs.scoring, psfs_answers(rating_1=7)) == Decimal("7.00")


def test_psfs_without_a_rating_has_no_score(psfs):
    assert scoring.score(psfs.items, psfs.scoring, {"activity_1": "Stairs"}) is None


def test_psfs_rounds_to_two_decimals(psfs):
    # (2 + 3 + 3) / 3 = 2.666...
    answers = psfs_answers(rating_1=2, rating_2=3, rating_3=3)
    assert scoring.score(psfs.items, psfs.scoring, answers) == Decimal("2.67")


def test_global_rating_of_change_is_the_rating(groc):
    assert scoring.score(groc.items, groc.scoring, {"change": "4"}) == Decimal("4.00")
    assert scoring.score(groc.items, groc.scoring, {"change": "-2"}) == Decimal("-2.00")


def test_a_sum_rescaled_to_100():
    # 2 + 3 + 4 = 9 of 12: 75.
    answers = {"q1": 2, "q2": 3, "q3": 4}
    assert scoring.score(OWN_ITEMS, own_scoring(rescale=True), answers) == Decimal("75.00")


def test_a_missing_answer_prorated():
    # 3 + 4 from two of three items: 7 * 3/2 = 10.5.
    answers = {"q1": 3, "q2": 4}
    assert scoring.score(OWN_ITEMS, own_scoring(missing="prorate"), answers) == Decimal("10.50")


def test_a_missing_answer_skipped():
    answers = {"q1": 3, "q2": 4}
    assert scoring.score(OWN_ITEMS, own_scoring(missing="skip"), answers) == Decimal("7.00")


def test_too_few_answers_give_no_score():
    assert scoring.score(OWN_ITEMS, own_scoring(), {"q1": 3}) is None


def test_the_mean_of_a_mixed_range_rescaled():
    # Mean 2 on items of 0-4: 50.
    answers = {"q1": 1, "q2": 3}
    assert scoring.score(OWN_ITEMS, own_scoring(method="mean", rescale=True), answers) == 50


def document(**changes):
    return {
        "code": "own",
        "version": 1,
        "title": {"en": "Our own", "fr": "Le nôtre"},
        "items": [dict(item, text={"en": "Q", "fr": "Q"}) for item in OWN_ITEMS],
        "scoring": own_scoring(),
        "mcid": 2,
        "higher_is_better": True,
        "rates_change": False,
        **changes,
    }


def test_a_good_definition_is_in_both_languages():
    assert definition.check(document())["languages"] == ["en", "fr"]


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"scoring": own_scoring(items=["q1", "q9"])}, "“q9”, which the questionnaire does not"),
        ({"items": []}, "no items"),
        ({"mcid": 0}, "minimal important difference"),
        ({"scoring": own_scoring(method="median")}, "“sum” or “mean”"),
        ({"scoring": own_scoring(min_answered=5)}, "fewest answers"),
    ],
)
def test_a_broken_definition_says_what_is_wrong(changes, message):
    with pytest.raises(definition.DefinitionError) as error:
        definition.check(document(**changes))
    assert any(message in problem for problem in error.value.errors)


def test_the_shipped_measures_are_in_both_languages(psfs, groc):
    assert psfs.languages == ["en", "fr"] and groc.languages == ["en", "fr"]
    assert psfs.title_fr and groc.title_fr
