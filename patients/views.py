"""The patient portal. Every view starts with `get_patient(request)`: the patient comes from
the signed-in user only, and every object is looked up among that patient's own rows.
"""

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import Http404, QueryDict, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from clinic.audit import record_access, staff_views_of
from clinic.languages import columns
from clinic.resume import resumable
from patients import (
    charts,
    export,
    extensions,
    fragments,
    reminders,
    rules,
    services,
    teach_back,
)
from patients.access import get_patient
from patients.forms import PainEntryForm, ReminderForm, SessionForm
from patients.models import (
    Alert,
    ArticleAssignment,
    PainEntry,
    Plan,
    PlanItem,
    daily_highest,
)

SPARKLINE_DAYS = 14
DIARY_DAYS = 28
TODAY_ARTICLES = 3
VIEWINGS_SHOWN = 50
# A pain form brought back after a sign-out, to finish (clinic.resume).
PAIN_FORM_KEPT = "patients_pain_form_kept"


def home(request):
    """The portal's home page: staff work in the admin, a patient's is their Today page."""
    if request.user.is_staff:
        return redirect("admin:index")
    return today(request)


@require_safe
@never_cache
def today(request):
    patient = get_patient(request)
    today = patient.clinic.today()

    def build():
        context = _today_context(patient, today)
        context["cards"] = extensions.today_cards(request, patient, today)
        return _("Today"), "patients/fragments/today.html", context

    _title, body = fragments.cached(request, patient, "today", today, build=build)
    return render(
        request,
        "patients/today.html",
        {"patient": patient, "notice": contact_notice(patient), "today": today, "body": body},
    )


def _today_context(patient, today) -> dict:
    clinic = patient.clinic
    plans = Plan.objects.for_today(patient, since=today - dt.timedelta(days=27))
    first_day = today - dt.timedelta(days=SPARKLINE_DAYS - 1)
    since = _start_of(first_day, clinic.zone)
    pain = list(PainEntry.objects.for_today(patient, since=since))
    daily = daily_highest(pain, since=since, zone=clinic.zone)
    return {
        # The patient's knee: what "affected side" reads as, and the leg the drawings show.
        "patient_side": patient.affected_side,
        "plans": [_plan_today(plan, today) for plan in plans],
        # Every language's title: the reader's, or the other where theirs is not written.
        "assignments": ArticleAssignment.objects.for_patient(patient).only(
            "first_read_at", *columns("article__title")
        )[:TODAY_ARTICLES],
        # An article whose questions wait on Today until understood (the warning signs).
        "checks": ArticleAssignment.objects.for_patient(patient)
        .filter(article__check_on_today=True, article__questions__isnull=False)
        .exclude(understanding=rules.UNDERSTOOD)
        .distinct()
        .only("pk", *columns("article__title")),
        "last_entry": {"score": pain[0][0], "recorded_at": pain[0][1]} if pain else None,
        "sparkline": charts.sparkline(daily, first_day=first_day, days=SPARKLINE_DAYS),
    }


def contact_notice(patient) -> Alert | None:
    """The standing "contact the clinic today" notice, until a day after acknowledgement."""
    now = timezone.now()
    if patient.notice_until is None or patient.notice_until <= now:
        return None  # no query: nothing for this patient to call about
    return Alert.objects.for_notice(patient, now=now).first()


def _plan_today(plan, today):
    items = plan.today_items
    dates = plan.session_dates
    per_week = plan.sessions_per_week(items)
    done_today = today in dates
    return {
        "plan": plan,
        "items": items,
        "done_today": done_today,
        "form": None if done_today else SessionForm(plan=plan, items=items),
        "changes": rules.unseen_plan_changes(plan),
        "adherence": [
            rules.adherence(
                plan=plan, session_dates=dates, today=today, days=days, per_week=per_week
            )
            for days in (7, 28)
        ],
    }


def _start_of(day, zone):
    return timezone.make_aware(dt.datetime.combine(day, dt.time()), zone)


@require_safe
@never_cache
def plans(request):
    patient = get_patient(request)

    def build():
        context = {"plans": Plan.objects.for_plan_list(patient)}
        return _("My plan"), "patients/fragments/plans.html", context

    return fragments.page(request, patient, "plans", build=build)


@require_safe
@never_cache
def plan(request, plan_id):
    patient = get_patient(request)

    def build():
        plan = get_object_or_404(Plan.objects.for_plan_page(patient), pk=plan_id)
        changes = rules.unseen_plan_changes(plan)
        # A read receipt, not a change the patient makes: "what changed" starts again here.
        services.mark_plan_seen(plan)
        context = {
            "plan": plan,
            "items": plan.items.all(),
            "changes": changes,
            "patient_side": patient.affected_side,
        }
        return plan.title, "patients/fragments/plan.html", context

    return fragments.page(request, patient, "plan", plan_id, build=build)


@require_safe
@never_cache
def plan_exercise(request, plan_id, item_id):
    patient = get_patient(request)

    def build():
        item = get_object_or_404(
            PlanItem.objects.for_exercise_page(patient), plan_id=plan_id, pk=item_id
        )
        item.load_variants(patient.clinic)
        context = {"item": item, "plan": item.plan, "patient_side": patient.affected_side}
        return item.exercise.name, "patients/fragments/plan_exercise.html", context

    return fragments.page(request, patient, "plan_exercise", plan_id, item_id, build=build)


@resumable
@require_POST
def session_done(request, plan_id):
    patient = get_patient(request)
    plan = get_object_or_404(Plan.objects.owned_by(patient).active().with_items(), pk=plan_id)
    plan.patient = patient
    _log_session(request, SessionForm(request.POST, plan=plan), date=patient.clinic.today())
    return redirect("home")


def _log_session(request, form, *, date, saved_message=None):
    if not form.is_valid():
        if form.has_error("items", "invalid_choice"):
            raise Http404  # an exercise that is not in this patient's plan
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return
    _session, created = services.log_session(
        patient=form.plan.patient,
        plan=form.plan,
        date=date,
        items=form.cleaned_data["items"],
        effort=form.cleaned_data["effort"],
        note=form.cleaned_data["note"],
    )
    if created:
        messages.success(request, saved_message or _("Well done! Today's session is saved."))
    else:
        messages.info(request, _("Today's session was already marked as done."))


def resume_session_done(request, data, kwargs, posted_at):
    """A check-off sent after a sign-out: logged for the day it was sent (clinic.resume)."""
    patient = get_patient(request)
    plan = Plan.objects.owned_by(patient).active().with_items().filter(pk=kwargs["plan_id"])
    plan = plan.first()
    if plan is not None:
        plan.patient = patient
        sent = dt.datetime.fromtimestamp(posted_at, tz=patient.clinic.zone).date()
        saved = _(
            "You were signed out before this was sent. Your session of %(date)s is saved now."
        ) % {"date": formats.date_format(sent, "DATE_FORMAT")}
        _log_session(request, SessionForm(data, plan=plan), date=sent, saved_message=saved)
    return reverse("home")


@require_safe
@never_cache
def articles(request):
    patient = get_patient(request)

    def build():
        context = {"assignments": ArticleAssignment.objects.for_patient(patient)}
        return _("My articles"), "patients/fragments/articles.html", context

    return fragments.page(request, patient, "articles", build=build)


@require_safe
@never_cache
def article(request, assignment_id):
    patient = get_patient(request)

    def build():
        assignment = get_object_or_404(
            ArticleAssignment.objects.for_patient(patient), pk=assignment_id
        )
        # A read receipt: only the first opening is recorded.
        services.mark_article_read(assignment)
        return _article_page(assignment)

    return fragments.page(request, patient, "article", assignment_id, build=build)


def _article_page(assignment, form=None):
    """The article and its teach-back questions (the form: those not yet answered right)."""
    questions = teach_back.questions_of(assignment)
    if form is None:
        form = teach_back.TeachBackForm(assignment=assignment, questions=questions)
    context = {
        "assignment": assignment,
        "article": assignment.article,
        "questions": questions,
        "form": form if questions else None,
        "tries": rules.TEACH_BACK_TRIES,
    }
    return assignment.article.title, "patients/fragments/article.html", context


@require_POST
def article_check(request, assignment_id):
    """The patient's answers to the article's questions: scored, then the article again
    with why for each wrong one. Nothing is saved unless every question is answered."""
    patient = get_patient(request)
    assignment = get_object_or_404(ArticleAssignment.objects.for_patient(patient), pk=assignment_id)
    questions = teach_back.questions_of(assignment)
    form = teach_back.TeachBackForm(request.POST, assignment=assignment, questions=questions)
    if not form.is_valid():
        title, template, context = _article_page(assignment, form)
        body = render_to_string(template, context, request)
        return render(request, "patients/page.html", {"title": title, "body": body})
    outcome = teach_back.answer(assignment=assignment, answers=form.answers())
    if outcome == rules.UNDERSTOOD:
        messages.success(request, _("Well done: you answered every question right."))
    elif any(not choice.is_correct for choice in form.answers().values()):
        messages.info(request, _("Not quite. Read why below, then try again."))
    return redirect(reverse("patients:article", args=[assignment.pk]) + "#check")


@resumable
@require_http_methods(["GET", "HEAD", "POST"])
@never_cache
def pain_diary(request):
    patient = get_patient(request)
    clinic = patient.clinic
    if request.method == "POST":
        form = PainEntryForm(request.POST, patient=patient)
        entry = _save_pain(request, form, patient)
        if entry is not None:
            return redirect("patients:pain_saved", entry.pk)
    elif PAIN_FORM_KEPT in request.session:
        # Brought back after a sign-out, as the patient left it, errors and all.
        form = PainEntryForm(QueryDict(request.session.pop(PAIN_FORM_KEPT)), patient=patient)
        form.is_valid()
    else:
        form = PainEntryForm(patient=patient)
    today = clinic.today()

    def build():
        # Whole days, today's included: what the fragment shows depends on the day only.
        since = _start_of(today - dt.timedelta(days=DIARY_DAYS - 1), clinic.zone)
        end = _start_of(today + dt.timedelta(days=1), clinic.zone)
        # Neither the chart nor the table shows when an entry was saved, or its form token.
        entries = list(
            PainEntry.objects.for_diary(patient, since=since).defer("created_at", "submission_id")
        )
        chart = charts.pain_chart(entries, clinic.zone, start=since, end=end)
        context = {"entries": entries, "chart": chart, "diary_days": DIARY_DAYS}
        return _("Pain diary"), "patients/fragments/pain_history.html", context

    _title, history = fragments.cached(request, patient, "pain_history", today, build=build)
    return render(
        request,
        "patients/pain_diary.html",
        {
            "form": form,
            "clinic": clinic,
            "notice": contact_notice(patient),
            "history": history,
            "diary_days": DIARY_DAYS,
        },
    )


def _save_pain(request, form, patient) -> PainEntry | None:
    """Save what may be saved of a posted pain form; None if it goes back with its errors.

    A warning sign or a high score is never held back by another answer: the entry is saved
    with what is valid, and the patient is told what was left out.
    """
    values = form.entry_values()
    if values is None:
        return None
    try:
        entry, created = services.record_pain(patient=patient, **values)
    except services.SubmissionTokenTaken:
        raise Http404 from None  # another patient's form token
    if created:
        for error in form.unsaved_errors():
            messages.warning(request, _("Not saved: %(error)s") % {"error": error})
    return entry


def resume_pain_entry(request, data, kwargs, posted_at):
    """A pain entry sent after a sign-out (clinic.resume): saved now if it can be, else
    brought back to the form as the patient left it."""
    patient = get_patient(request)
    form = PainEntryForm(data, patient=patient)
    entry = _save_pain(request, form, patient)
    if entry is not None:
        messages.success(
            request, _("You were signed out before your entry was sent. It is saved now.")
        )
        return reverse("patients:pain_saved", args=[entry.pk])
    request.session[PAIN_FORM_KEPT] = data.urlencode()
    messages.warning(
        request,
        _("You were signed out before your entry was sent. Check it and press “Save entry”."),
    )
    return reverse("patients:pain_diary")


@require_safe
@never_cache
def pain_saved(request, entry_id):
    patient = get_patient(request)
    entry = get_object_or_404(PainEntry.objects.for_saved_page(patient), pk=entry_id)
    return render(
        request,
        "patients/pain_saved.html",
        {"entry": entry, "alert": entry.alert_or_none, "clinic": patient.clinic},
    )


@require_safe
@never_cache
def my_data(request):
    patient = get_patient(request)
    # The patient's right to know who looked at their record (PHIPA, Law 25).
    latest = staff_views_of(patient).values_list("pk", flat=True).first()

    def build():
        context = {"viewings": staff_views_of(patient)[:VIEWINGS_SHOWN]}
        return _("My data"), "patients/fragments/my_data.html", context

    # A new viewing is a new fragment: the latest one's id is part of the key.
    return fragments.page(request, patient, "my_data", latest, build=build)


@require_safe
@never_cache
def my_data_json(request):
    patient = get_patient(request)
    record_access(request, patient, what="export_json")
    response = StreamingHttpResponse(
        export.stream_json(export.patient_data(patient), language=request.LANGUAGE_CODE),
        content_type="application/json",
    )
    return _download(response, patient, "json")


@require_safe
@never_cache
def my_data_csv(request):
    patient = get_patient(request)
    record_access(request, patient, what="export_csv")
    response = StreamingHttpResponse(
        export.stream_csv(export.patient_data(patient), language=request.LANGUAGE_CODE),
        content_type="text/csv; charset=utf-8",
    )
    return _download(response, patient, "csv")


def _download(response, patient, extension):
    name = f"my-data-{patient.clinic.today():%Y-%m-%d}.{extension}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    # Health information: never kept by the browser or a proxy.
    response["Cache-Control"] = "no-store"
    return response


@require_http_methods(["GET", "HEAD", "POST"])
@never_cache
def reminder_settings(request):
    """The patient's exercise reminders: on or off, which days, what time (clinic's clock)."""
    patient = get_patient(request)
    preference = reminders.preference_of(patient)
    zone_name = patient.clinic.time_zone.replace("_", " ")
    template = "patients/fragments/reminders.html"
    if request.method == "POST":
        form = ReminderForm(request.POST, zone_name=zone_name)
        if form.is_valid():
            reminders.save_preference(patient=patient, **form.cleaned_data)
            messages.success(request, _("Your reminder settings are saved."))
            return redirect("patients:reminders")
        body = render_to_string(template, {"form": form}, request)
        return render(request, "patients/page.html", {"title": _("Reminders"), "body": body})

    def build():
        form = ReminderForm(initial=ReminderForm.initial_for(preference), zone_name=zone_name)
        return _("Reminders"), template, {"form": form}

    # The form as the patient last saved it (or the defaults), to the address they have.
    mine = (preference.updated_at, patient.user.email, zone_name)
    return fragments.page(request, patient, "reminders", *mine, build=build)


UNSUBSCRIBED = {
    reminders.REMINDER: gettext_lazy("exercise reminders"),
    reminders.NUDGE: gettext_lazy("emails about sessions you have missed"),
}


@login_not_required
# A mail program's one-click POST (RFC 8058) carries no CSRF token: the signed link is the key.
@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
@never_cache
def unsubscribe(request, token):
    """The link in each reminder and nudge. GET asks (a link checker or a preview opening
    it changes nothing); POST, from the page or the mail program's one click, turns the
    email off. A link changed by hand, used again, or older than the patient's last choice
    changes nothing, and the page says which."""
    if request.method == "POST":
        outcome, patient, kind = reminders.unsubscribe(token)
    else:
        patient, kind, _since = reminders.read_token(token)
        outcome = None if patient else reminders.Outcome.INVALID
    context = {
        "outcome": outcome and outcome.value,
        "what": UNSUBSCRIBED.get(kind),
        "clinic": patient.clinic if patient else None,
        "token": token,
    }
    status = 400 if outcome is reminders.Outcome.INVALID else 200
    language = patient.user.language if patient else translation.get_language()
    with translation.override(language):
        return render(request, "patients/unsubscribe.html", context, status=status)
