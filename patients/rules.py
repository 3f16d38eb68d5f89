"""The portal's clinical rules, as pure functions: no query, no write, easy to table-test."""

import datetime as dt
import statistics
from collections.abc import Iterable
from dataclasses import dataclass

from django.utils import formats
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from clinic.languages import reading_order
from education.models import DOSE_FIELDS, DoseColumns, Side

# The baseline a new score is compared with: the median of the entries of the 14 days
# before it, once there are at least three.
BASELINE_DAYS = 14
BASELINE_MIN_ENTRIES = 3
BASELINE_RISE = 2


@dataclass(frozen=True)
class AlertReasons:
    """Why an entry needs a clinician: every reason at once (they make one alert)."""

    warning_sign: bool = False
    high_score: bool = False
    rising: bool = False

    def __bool__(self) -> bool:
        return self.warning_sign or self.high_score or self.rising

    @property
    def contact_today(self) -> bool:
        """A warning sign or a high score: the patient is told to contact the clinic today.
        A rise alone: to ease off, and to call if it keeps rising."""
        return self.warning_sign or self.high_score


def alert_reasons(
    *, score: int | None, has_warning_sign: bool, threshold: int, previous_scores: list[int]
) -> AlertReasons:
    """What an entry raises. `previous_scores`: the scores of the 14 days before it."""
    scores = [s for s in previous_scores if s is not None]
    rising = (
        score is not None
        and len(scores) >= BASELINE_MIN_ENTRIES
        and score - statistics.median(scores) >= BASELINE_RISE
    )
    return AlertReasons(
        warning_sign=has_warning_sign,
        high_score=score is not None and score >= threshold,
        rising=rising,
    )


# --- Adherence -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Adherence:
    """Sessions done and sessions prescribed over the last `days` days."""

    days: int
    done: int
    prescribed: int

    @property
    def percent(self) -> int | None:
        if not self.prescribed:
            return None
        return min(100, round(100 * self.done / self.prescribed))

    def __add__(self, other: "Adherence") -> "Adherence":
        """Two plans at once: their sessions and their prescriptions add up."""
        return Adherence(self.days, self.done + other.done, self.prescribed + other.prescribed)


def adherence(
    *, plan, session_dates: Iterable[dt.date], today: dt.date, days: int, per_week: int
) -> Adherence:
    """Sessions done ÷ sessions prescribed over the last `days` days (today included), for one
    plan asking for `per_week` sessions a week. Days before the plan started do not count
    against the patient; a day with two sessions counts once. Today, the patient summary and
    the patient list all count with this one function."""
    first = max(today - dt.timedelta(days=days - 1), plan.start_date)
    done = sum(1 for day in set(session_dates) if first <= day <= today)
    active_days = max(0, (today - first).days + 1)
    return Adherence(days=days, done=done, prescribed=round(per_week * active_days / 7))


# --- What changed in a plan ------------------------------------------------------------------


def plan_changes(old: dict | None, new: dict) -> list[str]:
    """Plain-language differences between two plan snapshots, for the patient.

    Exercises are matched by their item (the same exercise may be in a plan twice, e.g. one
    side each); snapshots from before items had ids in them are matched by name. Text is
    compared and told in the reader's language (snapshots keep every language; older ones,
    a single string).
    """
    if old is None:
        return []
    changes = []
    if _text(old["message"]) != _text(new["message"]) and _text(new["message"]):
        changes.append(_("Your clinician updated their message to you."))
    if old["review_date"] != new["review_date"] and new["review_date"]:
        date = formats.date_format(dt.date.fromisoformat(new["review_date"]), "DATE_FORMAT")
        changes.append(_("Your review date is now %(date)s.") % {"date": date})
    old_items = {_item_key(item): item for item in old["items"]}
    new_items = {_item_key(item): item for item in new["items"]}
    if any("id" not in item for item in old["items"]):
        old_items = {_text(item["exercise"]): item for item in old["items"]}
        new_items = {_text(item["exercise"]): item for item in new["items"]}
    for key, item in new_items.items():
        name = _text(item["exercise"])
        before = old_items.get(key)
        if before is None:
            changes.append(_("New exercise: %(name)s.") % {"name": name})
            continue
        if _text(before["exercise"]) != name:
            # The same place in the plan, another exercise (an easier variant, say).
            changes.append(
                _("%(old)s is replaced by %(new)s.")
                % {"old": _text(before["exercise"]), "new": name}
            )
        for field in DOSE_FIELDS:
            if before[field] != item[field]:
                changes.append(
                    _("%(name)s: %(label)s changed from %(old)s to %(new)s.")
                    % {
                        "name": name,
                        "label": DoseColumns._meta.get_field(field).verbose_name,
                        "old": _shown(field, before[field]),
                        "new": _shown(field, item[field]),
                    }
                )
        if _text(before["note"]) != _text(item["note"]) and _text(item["note"]):
            changes.append(_("%(name)s: new note from your clinician.") % {"name": name})
    for key in old_items.keys() - new_items.keys():
        changes.append(_("Removed: %(name)s.") % {"name": _text(old_items[key]["exercise"])})
    return changes


def snapshot_in_reader_language(snapshot: dict) -> dict:
    """A plan snapshot with its text in the reader's language only (as it was shown)."""
    texts = ("title", "message")
    return {
        **{key: _text(value) if key in texts else value for key, value in snapshot.items()},
        "items": [
            {**item, "exercise": _text(item["exercise"]), "note": _text(item["note"])}
            for item in snapshot.get("items", [])
        ],
    }


def _text(value) -> str:
    """A snapshot's text in the reader's language (or the first other written)."""
    if not isinstance(value, dict):
        return value or ""
    return next((value[code] for code in reading_order(get_language()) if value.get(code)), "")


def unseen_plan_changes(plan) -> list[str] | None:
    """What changed since the version the patient last viewed; None if never viewed.

    Reads `plan.change_revisions` (`Plan.objects.with_changes()`), so it costs no query.
    """
    snapshots = {revision.number: revision.snapshot for revision in plan.change_revisions}
    if plan.seen_version == 0:
        # New; a phase that took over from another is told what changed from that one.
        if plan.previous_snapshot and plan.version in snapshots:
            return phase_changes(plan.previous_snapshot, snapshots[plan.version])
        return None
    if plan.seen_version == plan.version or plan.version not in snapshots:
        return []
    return plan_changes(snapshots.get(plan.seen_version), snapshots[plan.version])


def _item_key(item: dict) -> str:
    return item.get("id") or _text(item["exercise"])


def _shown(field: str, value) -> str:
    return str(Side(value).label) if field == "side" and value in Side.values else str(value)


# --- Moving on: a template's criteria, and the signs of a step back -------------------------


@dataclass(frozen=True)
class PhaseFacts:
    """What the criteria read about one patient on one plan, gathered by patients.phases.

    `daily_highest`: each day's highest pain score (clinic's calendar) over the longest
    window any criterion asks for; `session_dates`: the plan's sessions over it; `extra`:
    what another app's criterion kinds read (keyed by kind), gathered by their loaders.
    """

    today: dt.date
    plan: object
    per_week: int
    daily_highest: dict
    session_dates: tuple
    open_alerts: int
    extra: dict


@dataclass(frozen=True)
class CriterionResult:
    """One criterion, measured: met or not, the figure, and what it was compared with."""

    kind: str
    met: bool
    value: int | None
    target: int | None = None
    days: int | None = None

    def as_dict(self) -> dict:
        return {
            "kind": self.kind,
            "met": self.met,
            "value": self.value,
            "target": self.target,
            "days": self.days,
        }


def max_pain_met(criterion, facts: PhaseFacts) -> CriterionResult:
    """Every entry of the last `days` days (today included) at most `target`. No entry in
    the window is no evidence: not met."""
    first = facts.today - dt.timedelta(days=criterion.days - 1)
    scores = [score for day, score in facts.daily_highest.items() if first <= day <= facts.today]
    value = max(scores) if scores else None
    return CriterionResult(
        criterion.kind,
        met=value is not None and value <= criterion.target,
        value=value,
        target=criterion.target,
        days=criterion.days,
    )


def adherence_met(criterion, facts: PhaseFacts) -> CriterionResult:
    """Sessions done over the last `days` days at least `target` % of those prescribed."""
    result = adherence(
        plan=facts.plan,
        session_dates=facts.session_dates,
        today=facts.today,
        days=criterion.days,
        per_week=facts.per_week,
    )
    return CriterionResult(
        criterion.kind,
        met=result.percent is not None and result.percent >= criterion.target,
        value=result.percent,
        target=criterion.target,
        days=criterion.days,
    )


def min_days_met(criterion, facts: PhaseFacts) -> CriterionResult:
    """At least `target` whole days since the plan started."""
    days_in = (facts.today - facts.plan.start_date).days
    return CriterionResult(
        criterion.kind, met=days_in >= criterion.target, value=days_in, target=criterion.target
    )


def no_open_alert_met(criterion, facts: PhaseFacts) -> CriterionResult:
    return CriterionResult(criterion.kind, met=facts.open_alerts == 0, value=facts.open_alerts)


# Each kind of criterion (education.models.PhaseCriterion.Kind), evaluated. Another app adds
# its kind here with `patients.phases.register_criterion` (docs/architecture.md).
CRITERIA = {
    "max_pain": max_pain_met,
    "adherence": adherence_met,
    "min_days": min_days_met,
    "no_open_alert": no_open_alert_met,
}


def evaluate_criteria(criteria, facts: PhaseFacts) -> list[CriterionResult]:
    """Every criterion, measured. A kind nobody evaluates is never met (nothing moves on by
    a criterion the portal cannot check)."""
    results = []
    for criterion in criteria:
        rule = CRITERIA.get(criterion.kind)
        if rule is None:
            results.append(CriterionResult(criterion.kind, met=False, value=None))
        else:
            results.append(rule(criterion, facts))
    return results


def all_met(results: list[CriterionResult]) -> bool:
    return bool(results) and all(result.met for result in results)


# A step back: pain at or above this on this many days of the last week, or a rise in pain
# acknowledged by a clinician this many times over the last two weeks.
REGRESSION_SCORE = 6
REGRESSION_ENTRIES = 3
REGRESSION_DAYS = 7
REGRESSION_RISES = 2
REGRESSION_RISE_DAYS = 14


@dataclass(frozen=True)
class Regression:
    high_entries: int
    acknowledged_rises: int

    def __bool__(self) -> bool:
        return (
            self.high_entries >= REGRESSION_ENTRIES or self.acknowledged_rises >= REGRESSION_RISES
        )

    def as_dict(self) -> dict:
        return {"high_entries": self.high_entries, "acknowledged_rises": self.acknowledged_rises}


def regression(*, scores: Iterable[int | None], acknowledged_rises: int) -> Regression:
    """A sustained rise: `scores`, the entries of the last REGRESSION_DAYS days;
    `acknowledged_rises`, the rising-pain alerts acknowledged over REGRESSION_RISE_DAYS."""
    high = sum(1 for score in scores if score is not None and score >= REGRESSION_SCORE)
    return Regression(high_entries=high, acknowledged_rises=acknowledged_rises)


def phase_changes(old: dict, new: dict) -> list[str]:
    """What changed from one phase's plan to the next's, for the patient: the exercises are
    matched by name (they are two plans' items), and the old plan is named."""
    strip = lambda snapshot: {  # noqa: E731
        **snapshot,
        "items": [{k: v for k, v in item.items() if k != "id"} for item in snapshot["items"]],
    }
    # Without ids, plan_changes matches the exercises by their name.
    changes = plan_changes(strip(old), strip(new))
    opening = _("This plan takes over from “%(title)s”.") % {"title": _text(old["title"])}
    return [opening, *changes]


# --- Teach-back ------------------------------------------------------------------------------

# A question not answered right within this many tries needs the clinician to go over it.
TEACH_BACK_TRIES = 2
UNDERSTOOD, NEEDS_REVIEW = "understood", "review"


def understanding(*, question_count: int, answers: Iterable) -> str:
    """An article's teach-back, from the patient's answers (each with `attempts` and
    `right_on`, the try on which it was first right): "understood" when every question was
    answered right within TEACH_BACK_TRIES tries, "review" as soon as one was not, and ""
    while the patient is still answering (or has not started)."""
    answers = list(answers)
    for answer in answers:
        late = answer.right_on is None or answer.right_on > TEACH_BACK_TRIES
        if answer.attempts >= TEACH_BACK_TRIES and late:
            return NEEDS_REVIEW
    right = [answer for answer in answers if answer.right_on is not None]
    if question_count and len(right) >= question_count:
        return UNDERSTOOD
    return ""
