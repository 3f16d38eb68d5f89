"""Our drawings of an exercise in a page: `{% exercise_frames %}`, `{% exercise_thumbnail %}`,
and the `for_patient` filter that reads a dose's side as the patient's own knee."""

from django import template

from education import figures

register = template.Library()


@register.filter
def for_patient(dose, patient_side):
    """`{{ item.dose|for_patient:patient.affected_side }}`: "Right knee" for "Affected side"."""
    return dose.for_patient(patient_side or "")


def _side(dose, patient_side) -> str:
    return figures.drawn_side(getattr(dose, "side", ""), patient_side or "")


@register.simple_tag
def exercise_frames(exercise, dose=None, patient_side=""):
    """The exercise's frames, drawn for the patient's side: [] when it has no drawing."""
    return exercise.figure_frames(_side(dose, patient_side))


@register.simple_tag
def exercise_thumbnail(exercise, dose=None, patient_side=""):
    """The frame shown small beside the exercise's name, or None."""
    return figures.thumbnail(exercise.figure, side=_side(dose, patient_side))
