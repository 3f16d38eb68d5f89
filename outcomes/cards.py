"""What outcomes adds to the pages of `patients` (through `patients.extensions`): the
Today card of the measures due, the patient summary's section, the printed handout's
progress section, the reminder's line."""

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.functional import lazy
from django.utils.translation import ngettext

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


def handout_progress(patients) -> dict:
    """The printed handout's progress section, for each patient who answered a
    questionnaire: first and latest score, the change against the change that matters, and
    the same plain sentence as on the progress page; in the patient's language. One query
    for the whole batch."""
    found = {}
    for pk, measures in selectors.measures_progress_for(patients).items():
        if not measures:
            continue
        patient = next(patient for patient in patients if patient.pk == pk)
        with translation.override(patient.user.language):
            found[pk] = render_to_string(
                "outcomes/handout_progress.html", {"measures": measures, "patient": patient}
            )
    return found


def reminder_lines(patient, today) -> list:
    """A line in the exercise reminder when a questionnaire is due, in the patient's
    language (written when the email is). It names no measure: an email carries no
    health detail."""
    due = selectors.due_for([patient], today)
    if not due:
        return []

    def line():
        return ngettext(
            "A short questionnaire is also waiting for you on Today.",
            "%(count)d short questionnaires are also waiting for you on Today.",
            len(due),
        ) % {"count": len(due)}

    return [lazy(line, str)()]
