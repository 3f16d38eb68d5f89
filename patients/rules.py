"""The portal's clinical rules, as pure functions: no query, no write, easy to table-test."""

import statistics
from dataclasses import dataclass

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
