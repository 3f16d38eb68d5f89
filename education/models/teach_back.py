"""Teach-back: an article's few short questions, each with its choices, the right answer
and why. The patient answers after reading (patients.teach_back scores it)."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from clinic.languages import check_translations
from education.models import Article

MIN_QUESTIONS, MAX_QUESTIONS = 2, 4
MIN_CHOICES, MAX_CHOICES = 2, 4


class ArticleQuestionQuerySet(models.QuerySet):
    def with_choices(self):
        return self.prefetch_related(
            models.Prefetch("choices", queryset=ArticleAnswerChoice.objects.order_by("position"))
        ).order_by("position", "pk")


class ArticleQuestion(models.Model):
    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="questions", verbose_name=_("article")
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    prompt = models.CharField(_("question"), max_length=300)
    explanation = models.TextField(
        _("why"), help_text=_("Shown after a wrong answer: why the right answer is right.")
    )
    passage = models.TextField(
        _("the paragraph to read again"),
        help_text=_("The article's paragraph that answers it, shown after a wrong answer."),
    )

    objects = ArticleQuestionQuerySet.as_manager()

    clinic_lookup = "article__clinic"
    shared_without_clinic = True
    reader_fields = ("prompt", "explanation", "passage")

    class Meta:
        verbose_name = _("teach-back question")
        verbose_name_plural = _("teach-back questions")
        ordering = ["article", "position", "pk"]

    def __str__(self):
        return self.prompt

    def clean(self):
        super().clean()
        check_translations(self, self.reader_fields, published=False)


class ArticleAnswerChoice(models.Model):
    question = models.ForeignKey(ArticleQuestion, on_delete=models.CASCADE, related_name="choices")
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    text = models.CharField(_("answer"), max_length=200)
    is_correct = models.BooleanField(_("the right answer"), default=False)

    clinic_lookup = "question__article__clinic"
    shared_without_clinic = True
    reader_fields = ("text",)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        ordering = ["question", "position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["question"],
                condition=Q(is_correct=True),
                name="education_answerchoice_one_right_answer",
            )
        ]

    def __str__(self):
        return self.text

    def clean(self):
        super().clean()
        check_translations(self, self.reader_fields, published=False)
