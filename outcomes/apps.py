from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OutcomesConfig(AppConfig):
    name = "outcomes"
    verbose_name = _("Outcome measures")

    def ready(self):
        from clinic.audit import register_patient_data
        from education import signals
        from outcomes import cards, criteria, demo, filters
        from patients import extensions, phases

        # patients imports nothing of outcomes: its pages take these through its registry.
        extensions.add_today_card(cards.due_measures)
        extensions.add_summary_section(cards.summary_section)
        extensions.add_handout_section(cards.handout_progress)
        extensions.add_demo_step(demo.load_demo_measures)
        extensions.add_reminder_lines(cards.reminder_lines)
        extensions.add_patient_list_filter(filters.MeasureDueFilter)
        # Issue 19's criterion "a measure improved by at least its important change".
        phases.register_criterion(
            criteria.KIND, rule=criteria.improved_by_mcid, loader=criteria.load
        )
        phases.DESCRIPTIONS[criteria.KIND] = criteria.describe
        for name in ("MeasureSchedule", "Response"):
            register_patient_data(self.get_model(name))
        # A questionnaire's title shows on Today's card and the progress page: an edit
        # reaches their cached fragments at once, as a change to the library does.
        signals.connect(self, names=["Questionnaire"])
