"""The measures shipped with the portal, written in our own words, in both languages."""

import json
from pathlib import Path

from outcomes import definition

HERE = Path(__file__).resolve().parent
SHIPPED = ("pain-nrs", "psfs", "groc")


def documents() -> list[dict]:
    return [definition.check(json.loads((HERE / f"{code}.json").read_text())) for code in SHIPPED]


def load(questionnaire_model) -> None:
    """Create or bring up to date each shipped questionnaire (works in a migration too)."""
    for document in documents():
        values = {
            "languages": document["languages"],
            "items": document["items"],
            "scoring": document["scoring"],
            "mcid": document["mcid"],
            "higher_is_better": document["higher_is_better"],
            "rates_change": document["rates_change"],
            "from_pain_diary": document.get("from_pain_diary", False),
        }
        for language in definition.LANGUAGES:
            values[f"title_{language}"] = document["title"][language]
            values[f"description_{language}"] = document["description"][language]
        values["title"] = document["title"]["en"]
        values["description"] = document["description"]["en"]
        questionnaire_model.objects.update_or_create(
            code=document["code"], version=document["version"], clinic=None, defaults=values
        )
