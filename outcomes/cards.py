"""The Today card of the measures due (registered in patients.today_cards)."""

from django.template.loader import render_to_string

from outcomes import presentation, selectors


def due_measures(request, patient, today):
    due = selectors.due_for([patient], today)
    if not due:
        return ""
    return render_to_string("outcomes/due_card.html", {"due": due}, request)


def summary_section(patient):
    """The measures on the staff's patient summary: each with its change and chart."""
    measures = presentation.with_charts(selectors.progress(patient))
    return render_to_string(
        "admin/outcomes/summary_section.html", {"measures": measures, "patient": patient}
    )
