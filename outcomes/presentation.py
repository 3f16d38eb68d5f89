"""A measure's progress made ready to show: its chart and its range (no queries)."""

from decimal import Decimal

from outcomes import charts, scoring


def chart_for(questionnaire, responses):
    low, high = scoring.score_range(questionnaire.items, questionnaire.scoring)
    if questionnaire.rates_change:
        baseline = Decimal(0)
    else:
        scores = [r.score for r in responses if r.score is not None]
        baseline = scores[0] if scores else None
    return charts.outcome_chart(
        [(r.submitted_at, r.score) for r in responses],
        low=low,
        high=high,
        baseline=baseline,
        mcid=questionnaire.mcid,
    )


def with_charts(measures):
    for measure in measures:
        measure.chart = chart_for(measure.questionnaire, measure.responses)
    return measures
