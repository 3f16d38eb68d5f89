"""FHIR R4 in and out: a clinic's questionnaire in, a patient's measures out.

Resources are checked with fhir.resources (its R4B models, which read R4 Questionnaire,
QuestionnaireResponse, Observation and Bundle unchanged). Texts in the other language
travel in the standard translation extension; the scoring, the minimal important
difference and the direction of "better" in the portal's own extension (`SCORING_URL`).
"""

import json
from decimal import Decimal

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.questionnaire import Questionnaire as FhirQuestionnaire
from pydantic import ValidationError as FhirValidationError

from outcomes import definition
from outcomes.models import Questionnaire, Response
from patients.models import PainEntry

MAX_BYTES = 1024 * 1024
SCORING_URL = "https://clinic-portal.example/fhir/StructureDefinition/outcome-scoring"
TRANSLATION_URL = "http://hl7.org/fhir/StructureDefinition/translation"
ORDINAL_URL = "http://hl7.org/fhir/StructureDefinition/ordinalValue"
MIN_URL = "http://hl7.org/fhir/StructureDefinition/minValue"
MAX_URL = "http://hl7.org/fhir/StructureDefinition/maxValue"
CARRY_URL = "https://clinic-portal.example/fhir/StructureDefinition/carry-forward"
REQUIRED_WITH_URL = "https://clinic-portal.example/fhir/StructureDefinition/required-with"
PAIN_LOINC = "72514-3"
QUESTIONNAIRE_SYSTEM = "https://clinic-portal.example/fhir/Questionnaire"


# --- In: a clinic's questionnaire --------------------------------------------------------


def read_questionnaire(raw: bytes) -> dict:
    """A checked definition (`outcomes.definition`) from a FHIR Questionnaire file;
    DefinitionError with every problem found otherwise."""
    if len(raw) > MAX_BYTES:
        raise definition.DefinitionError([_("The file is larger than 1 MB.")])
    try:
        data = json.loads(raw)
    except (UnicodeDecodeError, ValueError):
        raise definition.DefinitionError([_("The file is not JSON.")]) from None
    if not isinstance(data, dict) or data.get("resourceType") != "Questionnaire":
        raise definition.DefinitionError([_("The file is not a FHIR Questionnaire.")])
    try:
        FhirQuestionnaire.model_validate(data)
    except FhirValidationError as error:
        problems = [
            f"{'.'.join(str(part) for part in e['loc'])}: {e['msg']}" for e in error.errors()[:5]
        ]
        raise definition.DefinitionError(
            [_("The file is not a valid FHIR R4 Questionnaire."), *problems]
        ) from None
    language = (data.get("language") or "en")[:2]
    extension = _extension(data, SCORING_URL)
    if extension is None:
        raise definition.DefinitionError([_("The questionnaire has no scoring extension.")])
    parts = _parts(extension)
    try:
        version = int(data.get("version") or 1)
    except ValueError:
        raise definition.DefinitionError([_("The version must be a whole number.")]) from None
    document = {
        "code": (data.get("name") or data.get("id") or "").lower(),
        "version": version,
        "title": _texts(data, "title", language),
        "description": _texts(data, "description", language),
        "items": [_item(item, language) for item in _leaf_items(data.get("item") or [])],
        "scoring": {
            "method": parts.get("method"),
            "items": parts.get("item", []),
            "rescale": parts.get("rescale", False),
            "min_answered": parts.get("minAnswered", 1),
            "missing": parts.get("missing", "prorate"),
        },
        "mcid": parts.get("mcid"),
        "higher_is_better": parts.get("higherIsBetter", True),
        "rates_change": parts.get("ratesChange", False),
    }
    if not document["code"]:
        raise definition.DefinitionError([_("The questionnaire has no name to be known by.")])
    return definition.check(document)


def _extension(element: dict, url: str):
    return next((e for e in element.get("extension") or [] if e.get("url") == url), None)


def _parts(extension: dict) -> dict:
    """A complex extension's parts, {url: value}, "item" repeated as a list."""
    parts: dict = {}
    for part in extension.get("extension") or []:
        value = next((v for k, v in part.items() if k.startswith("value")), None)
        if part.get("url") == "item":
            parts.setdefault("item", []).append(value)
        else:
            parts[part.get("url")] = value
    return parts


def _texts(element: dict, name: str, language: str) -> dict:
    texts = {}
    if element.get(name):
        texts[language] = element[name]
    for extension in (element.get(f"_{name}") or {}).get("extension") or []:
        if extension.get("url") == TRANSLATION_URL:
            parts = _parts(extension)
            if parts.get("lang") and parts.get("content"):
                texts[parts["lang"][:2]] = parts["content"]
    return texts


def _leaf_items(items):
    for item in items:
        if item.get("type") == "group":
            yield from _leaf_items(item.get("item") or [])
        elif item.get("type") != "display":
            yield item


def _item(item: dict, language: str) -> dict:
    found = {
        "link_id": item.get("linkId"),
        "text": _texts(item, "text", language),
        "required": bool(item.get("required")),
    }
    required_with = _extension(item, REQUIRED_WITH_URL)
    if required_with:
        found["required_with"] = required_with.get("valueString")
    kind = item.get("type")
    if kind in ("choice", "coding"):
        found["type"] = "choice"
        found["options"] = [
            {
                "code": (option.get("valueCoding") or {}).get("code"),
                "value": (_extension(option.get("valueCoding") or {}, ORDINAL_URL) or {}).get(
                    "valueDecimal", (_extension(option, ORDINAL_URL) or {}).get("valueDecimal")
                ),
                "text": _texts(option.get("valueCoding") or {}, "display", language),
            }
            for option in item.get("answerOption") or []
        ]
    elif kind in ("integer", "decimal"):
        low = (_extension(item, MIN_URL) or {}).get(f"value{kind.title()}")
        high = (_extension(item, MAX_URL) or {}).get(f"value{kind.title()}")
        scale = kind == "integer" and low is not None and high is not None and high - low <= 10
        found.update(type="scale" if scale else "number", min=low, max=high)
    elif kind in ("string", "text"):
        found["type"] = "text"
        if _extension(item, CARRY_URL):
            found["carry_forward"] = True
    else:
        found["type"] = kind
    return found


def import_questionnaire(*, raw: bytes, clinic) -> Questionnaire:
    """Create a clinic's questionnaire from a FHIR file; DefinitionError, nothing saved."""
    document = read_questionnaire(raw)
    if Questionnaire.objects.filter(code=document["code"], version=document["version"]).exists():
        raise definition.DefinitionError(
            [
                _("Version %(version)s of “%(code)s” is already in the portal.")
                % {"version": document["version"], "code": document["code"]}
            ]
        )
    values = {f"title_{code}": text for code, text in document["title"].items()}
    values.update({f"description_{code}": text for code, text in document["description"].items()})
    return Questionnaire.objects.create(
        clinic=clinic,
        code=document["code"],
        version=document["version"],
        title=document["title"].get(settings.LANGUAGE_CODE[:2])
        or next(iter(document["title"].values())),
        languages=document["languages"],
        items=document["items"],
        scoring=document["scoring"],
        mcid=Decimal(str(document["mcid"])),
        higher_is_better=bool(document["higher_is_better"]),
        rates_change=bool(document["rates_change"]),
        **values,
    )


# --- Out: a questionnaire, and a patient's bundle ----------------------------------------


def _translated(texts: dict, name: str, language: str = "en") -> dict:
    """`name` in `language` and the other languages in translation extensions."""
    main = texts.get(language) or next(iter(texts.values()), "")
    others = [
        {
            "url": TRANSLATION_URL,
            "extension": [
                {"url": "lang", "valueCode": code},
                {"url": "content", "valueString": text},
            ],
        }
        for code, text in texts.items()
        if code != language and text
    ]
    found = {name: main}
    if others:
        found[f"_{name}"] = {"extension": others}
    return found


def questionnaire_resource(questionnaire: Questionnaire) -> dict:
    """A questionnaire as a FHIR Questionnaire, readable back by `read_questionnaire`."""
    scoring = questionnaire.scoring
    parts = [{"url": "method", "valueCode": scoring["method"]}]
    parts += [{"url": "item", "valueString": link_id} for link_id in scoring["items"]]
    parts += [
        {"url": "rescale", "valueBoolean": bool(scoring.get("rescale"))},
        {"url": "minAnswered", "valueInteger": scoring.get("min_answered", 1)},
        {"url": "missing", "valueCode": scoring.get("missing", "prorate")},
        {"url": "mcid", "valueDecimal": float(questionnaire.mcid)},
        {"url": "higherIsBetter", "valueBoolean": questionnaire.higher_is_better},
        {"url": "ratesChange", "valueBoolean": questionnaire.rates_change},
    ]
    titles = {code: getattr(questionnaire, f"title_{code}") for code in definition.LANGUAGES}
    descriptions = {
        code: getattr(questionnaire, f"description_{code}") for code in definition.LANGUAGES
    }
    resource = {
        "resourceType": "Questionnaire",
        "id": str(questionnaire.pk),
        "url": f"{QUESTIONNAIRE_SYSTEM}/{questionnaire.code}",
        "version": str(questionnaire.version),
        "name": questionnaire.code,
        "status": "active",
        "language": "en",
        "extension": [{"url": SCORING_URL, "extension": parts}],
        **_translated({k: v for k, v in titles.items() if v}, "title"),
        "item": [_item_resource(item) for item in questionnaire.items],
    }
    if any(descriptions.values()):
        resource.update(_translated({k: v for k, v in descriptions.items() if v}, "description"))
    return resource


def _item_resource(item: dict) -> dict:
    found = {"linkId": item["link_id"], **_translated(item["text"], "text")}
    if item.get("required"):
        found["required"] = True
    if item["type"] == "choice":
        found["type"] = "choice"
        found["answerOption"] = [
            {
                "valueCoding": {
                    "code": option["code"],
                    **_translated(option["text"], "display"),
                    "extension": [{"url": ORDINAL_URL, "valueDecimal": option["value"]}],
                }
            }
            for option in item["options"]
        ]
    elif item["type"] in ("scale", "number"):
        kind = "integer" if item["type"] == "scale" else "decimal"
        found["type"] = kind
        found["extension"] = [
            {"url": MIN_URL, f"value{kind.title()}": item["min"]},
            {"url": MAX_URL, f"value{kind.title()}": item["max"]},
        ]
        if item.get("required_with"):
            found["extension"].append(
                {"url": REQUIRED_WITH_URL, "valueString": item["required_with"]}
            )
    else:
        found["type"] = "string"
        if item.get("carry_forward"):
            found["extension"] = [{"url": CARRY_URL, "valueBoolean": True}]
    return found


def _response_resource(response: Response, patient_ref: str) -> dict:
    questionnaire = response.questionnaire
    items = []
    for item in questionnaire.items:
        value = response.answers.get(item["link_id"])
        if value in (None, ""):
            continue
        if item["type"] == "choice":
            answer = {"valueCoding": {"code": str(value)}}
        elif item["type"] == "scale":
            answer = {"valueInteger": int(value)}
        elif item["type"] == "number":
            answer = {"valueDecimal": float(value)}
        else:
            answer = {"valueString": str(value)}
        items.append({"linkId": item["link_id"], "answer": [answer]})
    resource = {
        "resourceType": "QuestionnaireResponse",
        "id": str(response.pk),
        "questionnaire": f"{QUESTIONNAIRE_SYSTEM}/{questionnaire.code}|{questionnaire.version}",
        # FHIR's own word for a response a clinician marked as entered in error.
        "status": "entered-in-error" if response.in_error else "completed",
        "language": response.language,
        "subject": {"reference": patient_ref},
        "authored": response.submitted_at.isoformat(),
        "item": items,
    }
    if response.score is not None:
        resource["extension"] = [
            {"url": f"{SCORING_URL}#score", "valueDecimal": float(response.score)}
        ]
    return resource


def _pain_resource(entry, patient_ref: str) -> dict:
    return {
        "resourceType": "Observation",
        "id": str(entry.pk),
        "status": "final",
        "category": [
            {
                "coding": [
                    {
                        "system": "http://terminology.hl7.org/CodeSystem/observation-category",
                        "code": "survey",
                    }
                ]
            }
        ],
        "code": {
            "coding": [
                {
                    "system": "http://loinc.org",
                    "code": PAIN_LOINC,
                    "display": "Pain severity - 0-10 verbal numeric rating [Score] - Reported",
                }
            ]
        },
        "subject": {"reference": patient_ref},
        "effectiveDateTime": entry.recorded_at.isoformat(),
        "valueInteger": entry.score,
    }


def patient_bundle(patient) -> dict:
    """A patient's pain scores (Observations) and answers (QuestionnaireResponses), with
    the questionnaires answered, as a FHIR collection Bundle: two queries."""
    patient_ref = f"urn:uuid:{patient.pk}"
    entries = [
        {
            "fullUrl": patient_ref,
            "resource": {"resourceType": "Patient", "id": str(patient.pk), "active": True},
        }
    ]
    pain = PainEntry.objects.filter(patient=patient, score__isnull=False).only(
        "pk", "score", "recorded_at"
    )
    for entry in pain.order_by("recorded_at"):
        entries.append(
            {"fullUrl": f"urn:uuid:{entry.pk}", "resource": _pain_resource(entry, patient_ref)}
        )
    questionnaires = {}
    for response in Response.objects.for_progress(patient):
        questionnaires[response.questionnaire.pk] = response.questionnaire
        entries.append(
            {
                "fullUrl": f"urn:uuid:{response.pk}",
                "resource": _response_resource(response, patient_ref),
            }
        )
    for questionnaire in questionnaires.values():
        entries.append(
            {
                "fullUrl": f"urn:uuid:{questionnaire.pk}",
                "resource": questionnaire_resource(questionnaire),
            }
        )
    bundle = {
        "resourceType": "Bundle",
        "type": "collection",
        "timestamp": timezone.now().isoformat(),
        "entry": entries,
    }
    # Never hand out a bundle that is not valid FHIR. The pain observations differ only in
    # their values (an id, a time, a whole number): one checks their shape, where checking
    # a year of them would take most of the download's time. Everything else is checked.
    kinds = [e["resource"]["resourceType"] for e in entries]
    checked = [e for e, kind in zip(entries, kinds, strict=True) if kind != "Observation"]
    checked += [e for e, kind in zip(entries, kinds, strict=True) if kind == "Observation"][:1]
    Bundle.model_validate({**bundle, "entry": checked})
    return bundle
