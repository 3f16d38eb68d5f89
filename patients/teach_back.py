"""Teach-back: after reading an article, the patient answers its few questions; a wrong
answer shows why and the paragraph to read again, and they try again. The clinician sees
whether the article was understood (`ArticleAssignment.understanding`, rules.understanding).
"""

from django import forms
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from education.models import ArticleQuestion
from patients import rules, services
from patients.models import ArticleAssignment, TeachBackAnswer


def questions_of(assignment: ArticleAssignment) -> list:
    """The article's questions, each with its choices in order and, in `answer`, the
    patient's answer so far (None). Two queries for the questions and choices, one for
    the answers."""
    questions = list(ArticleQuestion.objects.filter(article=assignment.article).with_choices())
    answers = {
        answer.question_id: answer
        for answer in TeachBackAnswer.objects.filter(assignment=assignment).select_related("choice")
    }
    for question in questions:
        question.answer = answers.get(question.pk)
    return questions


class TeachBackForm(forms.Form):
    """One single-choice field per question not yet answered right."""

    def __init__(self, *args, assignment, questions, **kwargs):
        kwargs.setdefault("auto_id", "id_check_%s")
        super().__init__(*args, **kwargs)
        self.assignment = assignment
        self.questions = {}
        for question in questions:
            if question.answer is not None and question.answer.is_right:
                continue
            name = f"q{question.pk}"
            self.questions[name] = question
            self.fields[name] = forms.TypedChoiceField(
                label=question.prompt,
                choices=[(choice.pk, choice.text) for choice in question.choices.all()],
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={
                    "required": _("Choose an answer to: %(question)s")
                    % {"question": question.prompt},
                    "invalid_choice": _("Choose one of the answers given."),
                },
            )
        self.action = reverse("patients:article_check", args=[assignment.pk])

    def rows(self) -> list:
        """(field, question) pairs, for the template."""
        return [(self[name], question) for name, question in self.questions.items()]

    def answers(self) -> dict:
        """{question: choice} of the valid form."""
        return {
            question: next(
                choice for choice in question.choices.all() if choice.pk == self.cleaned_data[name]
            )
            for name, question in self.questions.items()
        }


@transaction.atomic
def answer(*, assignment: ArticleAssignment, answers: dict) -> str:
    """Record one try at each question given (a question already answered right stays as it
    was), and the article's teach-back outcome. Returns it ("understood", "review" or "")."""
    assignment = ArticleAssignment.objects.select_for_update().get(pk=assignment.pk)
    question_count = ArticleQuestion.objects.filter(article_id=assignment.article_id).count()
    for question, choice in answers.items():
        if choice.question_id != question.pk:
            raise ValueError("An answer of another question.")
        row, _created = TeachBackAnswer.objects.get_or_create(
            assignment=assignment, question=question, defaults={"choice": choice}
        )
        if row.right_on is not None:
            continue
        row.attempts += 1
        row.choice = choice
        if choice.is_correct:
            row.right_on = row.attempts
        row.save()
    outcome = rules.understanding(
        question_count=question_count,
        answers=TeachBackAnswer.objects.filter(assignment=assignment),
    )
    # A question wrong on its first two tries keeps it "needs review" (rules.understanding):
    # the clinician goes over it with the patient, whatever they answer next.
    if assignment.understanding != outcome:
        assignment.understanding = outcome
        assignment.save(update_fields=["understanding"])
    services.mark_article_read(assignment)
    services.refresh_patient_summary(assignment.patient_id)
    return assignment.understanding
