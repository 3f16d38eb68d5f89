"""A questionnaire's definition: its items and its scoring, as data, checked here.

The same checks guard the shipped measures (`outcomes/content/*.json`) and a file a clinic
imports (`outcomes.fhir`), so a questionnaire that reaches the database always scores.

An item: {"link_id", "type", "text": {"en", "fr"}, "required", ...} where type is
- "choice": "options": [{"code", "value" (a number, for scoring), "text": {...}}]
- "scale": a whole number from "min" to "max" (0-10)
- "number": a number from "min" to "max"
- "text": free text; "carry_forward": true shows the first answer again later (the
  activities of the Patient-Specific Functional Scale), re-rated, never retyped.
"required_with": another item's link_id: this one must be answered when that one is.

The scoring: {"method": "sum" | "mean", "items": [link_ids], "rescale": bool (to 0-100),
"min_answered": n (fewer answers: no score), "missing": "prorate" | "skip" (a sum's
missing answers: scaled up from those given, or left out)}.
"""

from django.utils.translation import gettext as _

ITEM_TYPES = ("choice", "scale", "number", "text")
SCORED_TYPES = ("choice", "scale", "number")
LANGUAGES = ("en", "fr")
MAX_ITEMS = 100


class DefinitionError(ValueError):
    """What is wrong with a definition, in words a clinic manager can act on."""

    def __init__(self, errors: list[str]):
        super().__init__("; ".join(errors))
        self.errors = errors


def check(document: dict) -> dict:
    """The definition, checked and completed (its languages); DefinitionError otherwise."""
    errors = []
    items = document.get("items") or []
    if not items:
        errors.append(_("The questionnaire has no items."))
    if len(items) > MAX_ITEMS:
        errors.append(_("The questionnaire has more than %(n)s items.") % {"n": MAX_ITEMS})
    seen = set()
    for item in items:
        errors.extend(_item_errors(item, seen))
        if isinstance(item, dict):
            item["required"] = bool(item.get("required"))
    by_id = {item.get("link_id"): item for item in items}
    errors.extend(_scoring_errors(document.get("scoring") or {}, by_id))
    try:
        mcid = float(document.get("mcid"))
    except (TypeError, ValueError):
        mcid = -1
    if mcid <= 0:
        errors.append(_("The minimal important difference must be a number above 0."))
    if not _texts(document.get("title")):
        errors.append(_("The questionnaire has no title."))
    if errors:
        raise DefinitionError(errors)
    document["languages"] = [
        code
        for code in LANGUAGES
        if all(code in (item.get("text") or {}) for item in items)
        and all(
            code in (option.get("text") or {})
            for item in items
            for option in item.get("options", [])
        )
    ]
    if not document["languages"]:
        raise DefinitionError([_("No language has every item written in it.")])
    return document


def _texts(value) -> dict:
    if not isinstance(value, dict):
        return {}
    return {k: v for k, v in value.items() if k in LANGUAGES and isinstance(v, str) and v}


def _item_errors(item, seen) -> list[str]:
    if not isinstance(item, dict) or not item.get("link_id"):
        return [_("An item has no link id.")]
    link_id = item["link_id"]
    errors = []
    name = {"item": link_id}
    if link_id in seen:
        errors.append(_("Two items have the link id “%(item)s”.") % name)
    seen.add(link_id)
    kind = item.get("type")
    if kind not in ITEM_TYPES:
        errors.append(_("Item “%(item)s” has a type the portal does not know.") % name)
    if not _texts(item.get("text")):
        errors.append(_("Item “%(item)s” has no text.") % name)
    if kind == "choice":
        options = item.get("options") or []
        if not options:
            errors.append(_("Item “%(item)s” is a choice with no options.") % name)
        for option in options:
            if not isinstance(option.get("value"), int | float) or not _texts(option.get("text")):
                errors.append(
                    _("An option of item “%(item)s” has no score value or no text.") % name
                )
                break
    if kind in ("scale", "number"):
        low, high = item.get("min"), item.get("max")
        if not isinstance(low, int | float) or not isinstance(high, int | float) or low >= high:
            errors.append(_("Item “%(item)s” needs a lowest and a highest value.") % name)
    return errors


def _scoring_errors(scoring, by_id) -> list[str]:
    errors = []
    if scoring.get("method") not in ("sum", "mean"):
        errors.append(_("The scoring method must be “sum” or “mean”."))
    scored = scoring.get("items") or []
    if not scored:
        errors.append(_("The scoring names no items."))
    for link_id in scored:
        item = by_id.get(link_id)
        if item is None:
            errors.append(
                _("The scoring names item “%(item)s”, which the questionnaire does not have.")
                % {"item": link_id}
            )
        elif item.get("type") not in SCORED_TYPES:
            errors.append(
                _("The scoring names item “%(item)s”, which has no number to score.")
                % {"item": link_id}
            )
    min_answered = scoring.get("min_answered", 1)
    if not isinstance(min_answered, int) or not 1 <= min_answered <= max(1, len(scored)):
        errors.append(_("The scoring's fewest answers must be between 1 and its item count."))
    if scoring.get("missing", "prorate") not in ("prorate", "skip"):
        errors.append(_("The scoring's rule for missing answers must be “prorate” or “skip”."))
    return errors
