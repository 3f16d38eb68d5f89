"""A response's score from its answers and its questionnaire's scoring: pure functions.

See `outcomes.definition` for the scoring's shape. Answers are {link_id: value}, a choice
answered by its option's code; an item left out is missing.
"""

from decimal import ROUND_HALF_UP, Decimal


def item_value(item: dict, answer) -> float | None:
    """The number an answer scores, or None when it is missing or has none."""
    if answer is None or answer == "":
        return None
    if item["type"] == "choice":
        option = next((o for o in item["options"] if o["code"] == answer), None)
        return None if option is None else float(option["value"])
    if item["type"] in ("scale", "number"):
        return float(answer)
    return None


def item_range(item: dict) -> tuple[float, float]:
    if item["type"] == "choice":
        values = [float(option["value"]) for option in item["options"]]
        return min(values), max(values)
    return float(item["min"]), float(item["max"])


def score(items: list[dict], scoring: dict, answers: dict) -> Decimal | None:
    """The score, to two decimals; None if too few scored items were answered."""
    by_id = {item["link_id"]: item for item in items}
    scored = [by_id[link_id] for link_id in scoring["items"]]
    values = [
        value
        for item in scored
        if (value := item_value(item, answers.get(item["link_id"]))) is not None
    ]
    if len(values) < scoring.get("min_answered", 1):
        return None
    answered = [item for item in scored if answers.get(item["link_id"]) not in (None, "")]
    if scoring["method"] == "mean":
        raw = sum(values) / len(values)
        low, high = _mean_range(answered)
    else:
        raw = sum(values)
        low, high = _sum_range(answered)
        if scoring.get("missing", "prorate") == "prorate" and len(values) < len(scored):
            # Scaled up as if every item had been answered like the others.
            factor = len(scored) / len(values)
            raw, (low, high) = raw * factor, _sum_range(scored)
    if scoring.get("rescale"):
        raw = (raw - low) / (high - low) * 100
    return Decimal(str(raw)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def score_range(items: list[dict], scoring: dict) -> tuple[float, float]:
    """The lowest and highest score possible (the chart's axis)."""
    if scoring.get("rescale"):
        return 0.0, 100.0
    by_id = {item["link_id"]: item for item in items}
    scored = [by_id[link_id] for link_id in scoring["items"]]
    return _mean_range(scored) if scoring["method"] == "mean" else _sum_range(scored)


def _sum_range(items) -> tuple[float, float]:
    ranges = [item_range(item) for item in items]
    return sum(r[0] for r in ranges), sum(r[1] for r in ranges)


def _mean_range(items) -> tuple[float, float]:
    ranges = [item_range(item) for item in items] or [(0.0, 1.0)]
    return min(r[0] for r in ranges), max(r[1] for r in ranges)
