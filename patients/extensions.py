"""Places where apps layered after `patients` add to its pages, without `patients`
importing them: an app registers a function in its `AppConfig.ready()` (`outcomes` adds
the questionnaires due to Today, and the measures' progress to the patient summary and the
printed handout).

A Today card is rendered inside Today's cached fragment (patients.fragments): it must
change only when the patient's version or the day does, so an app whose writes change a
card bumps the patient's version (`patients.services.refresh_patient_summary`).
"""

from collections.abc import Callable

# today_card(request, patient, today) -> HTML, or "" for none.
_today_cards: list[Callable] = []
# summary_section(patient) -> HTML of a section of the staff's patient summary.
_summary_sections: list[Callable] = []
# handout_section(patients) -> {patient pk: HTML} of a section of the printed programme
# handout, in each patient's language; for a whole batch of patients in a fixed number of
# queries (one, as a rule), never one per patient.
_handout_sections: list[Callable] = []
# A list filter (admin.SimpleListFilter) of the staff's patient list, for clinical staff.
_patient_list_filters: list[type] = []
# reminder_lines(patient, today) -> lines (str, lazy: written in the patient's language
# when the email is) added to the patient's exercise reminder.
_reminder_lines: list[Callable] = []
# demo_step() -> None: the app's part of the demo story, run after the patients' (safe to
# run again).
_demo_steps: list[Callable] = []


def add_today_card(card: Callable) -> None:
    if card not in _today_cards:
        _today_cards.append(card)


def add_summary_section(section: Callable) -> None:
    if section not in _summary_sections:
        _summary_sections.append(section)


def add_handout_section(section: Callable) -> None:
    if section not in _handout_sections:
        _handout_sections.append(section)


def handout_sections(patients) -> dict:
    """{patient pk: [HTML, ...]}: every registered section of each patient's handout."""
    found: dict = {patient.pk: [] for patient in patients}
    if not patients:
        return found
    for section in _handout_sections:
        for pk, html in section(patients).items():
            if html:
                found[pk].append(html)
    return found


def add_patient_list_filter(list_filter: type) -> None:
    if list_filter not in _patient_list_filters:
        _patient_list_filters.append(list_filter)


def patient_list_filters() -> list[type]:
    return list(_patient_list_filters)


def add_reminder_lines(lines: Callable) -> None:
    if lines not in _reminder_lines:
        _reminder_lines.append(lines)


def reminder_lines(patient, today) -> list:
    return [line for lines in _reminder_lines for line in lines(patient, today)]


def add_demo_step(step: Callable) -> None:
    if step not in _demo_steps:
        _demo_steps.append(step)


def run_demo_steps() -> None:
    for step in _demo_steps:
        step()


def today_cards(request, patient, today) -> list[str]:
    return [html for card in _today_cards if (html := card(request, patient, today))]


def summary_sections(patient) -> list[str]:
    return [html for section in _summary_sections if (html := section(patient))]
