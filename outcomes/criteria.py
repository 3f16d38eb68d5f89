"""The phase criterion "a measure improved by at least its important change" (issue 19's
`measure_mcid`), which the outcomes app measures for `patients.phases` (registered in
OutcomesConfig.ready; docs/architecture.md, "A new kind of criterion to move on").

The loader asks `selectors.improvement` once per measure a plan's criteria name; the rule
reads what it found. No response, or only the baseline, is no evidence: not met.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.utils import formats
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from clinic.languages import reading_order
from outcomes import selectors
from patients.rules import CriterionResult

KIND = "measure_mcid"


@dataclass(frozen=True)
class MeasureResult(CriterionResult):
    """A measure's criterion: the change (`value`) and the MCID (`target`), in points, kept
    as text in the proposal's figures (JSON has no decimals), and the measure it is about."""

    measure: str = ""
    names: dict | None = None  # the questionnaire's title in each language
    baseline: str | None = None
    responses: int = 0

    def as_dict(self) -> dict:
        return {
            **super().as_dict(),
            "measure": self.measure,
            "names": self.names or {},
            "baseline": self.baseline,
            "responses": self.responses,
        }


def load(*, patient, plan, today) -> dict:
    """Each measure the plan's template names, and its improvement (None: no response)."""
    codes = sorted(
        {
            criterion.measure
            for criterion in plan.template.criteria.all()
            if criterion.kind == KIND and criterion.measure
        }
    )
    return {code: selectors.improvement(patient, code) for code in codes}


def improved_by_mcid(criterion, facts) -> MeasureResult:
    """Better by at least the measure's MCID since the first response (a rating of change:
    its latest rating). Pure: reads what `load` found in `facts.extra`."""
    found = facts.extra.get(KIND, {}).get(criterion.measure)
    if found is None:
        return MeasureResult(criterion.kind, met=False, value=None, measure=criterion.measure)
    questionnaire = found.questionnaire
    compared = found.count_compared
    return MeasureResult(
        criterion.kind,
        met=found.important,
        value=_points(found.change) if compared else None,
        target=_points(found.mcid),
        measure=criterion.measure,
        names={
            code: getattr(questionnaire, f"title_{code}", "") or questionnaire.title
            for code in ("en", "fr")
        },
        baseline=None if found.baseline is None else _points(found.baseline),
        responses=found.count,
    )


def describe(result: dict) -> str:
    """The proposal's line, with the figures, in the clinician's language."""
    names = result.get("names") or {}
    name = next((names[code] for code in reading_order(get_language()) if names.get(code)), "")
    name = name or result.get("measure", "")
    if result["value"] is None:
        if not result.get("responses"):
            return _("%(measure)s: no response yet (better by at least its important change)") % {
                "measure": name
            }
        return _(
            "%(measure)s: only the first response, %(baseline)s (better by at least %(target)s)"
        ) % {
            "measure": name,
            "baseline": _shown(result["baseline"]),
            "target": _shown(result["target"]),
        }
    return _("%(measure)s: a change of %(value)s points (better by at least %(target)s)") % {
        "measure": name,
        "value": _signed(result["value"]),
        "target": _shown(result["target"]),
    }


def _points(value: Decimal) -> str:
    return f"{value.normalize():f}"


def _shown(points: str | None) -> str:
    return "–" if points is None else formats.number_format(Decimal(points))


def _signed(points: str) -> str:
    """+2 better, −1 worse, 0."""
    shown = _shown(points)
    return f"+{shown}" if Decimal(points) > 0 else shown.replace("-", "−")
