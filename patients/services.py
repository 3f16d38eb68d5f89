"""Writes that touch several rows: each one function, keyword-only, in one transaction.

Views and the admin both call these, so a plan made in either place is the same plan.
"""

import datetime as dt
import uuid
from collections.abc import Iterable

from django.db import IntegrityError, transaction
from django.db.models import (
    Case,
    Count,
    DateTimeField,
    Exists,
    ExpressionWrapper,
    F,
    IntegerField,
    OuterRef,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone

from clinic.languages import CODES, column, in_reader_language
from clinic.models import User
from education.models import Article, Exercise, ProgrammeTemplate
from patients import notifications, rules, selectors
from patients.models import (
    ACKNOWLEDGED_NOTICE_FOR,
    NOTICE_OPEN,
    Alert,
    ArticleAssignment,
    PainEntry,
    Patient,
    PhaseProposal,
    Plan,
    PlanItem,
    PlanRevision,
    SessionLog,
)

# --- The patient's summary ------------------------------------------------------------------


def refresh_patient_summary(patient_id) -> None:
    """Bring a patient's summary columns (the staff list's) up to date from their rows, and
    bump their version, so that no cached fragment of their pages outlives the change.

    Called by every service below that writes what those columns or pages show. One UPDATE;
    derived columns only, so it is not itself in the audit trail (the rows it reads are).
    """
    refresh_patient_summaries(Patient.objects.filter(pk=patient_id))


def refresh_patient_summaries(patients) -> None:
    """`refresh_patient_summary` for every patient of a queryset, in one UPDATE."""
    active = Plan.objects.filter(patient=OuterRef("pk"), status=Plan.Status.ACTIVE).order_by(
        "-start_date", "-created_at"
    )
    last_pain = PainEntry.objects.filter(patient=OuterRef("pk")).order_by("-recorded_at")
    open_alerts = (
        Alert.objects.open()
        .filter(patient=OuterRef("pk"))
        .order_by()
        .values("patient")
        .annotate(n=Count("pk"))
        .values("n")
    )
    last_session = (
        SessionLog.objects.filter(patient=OuterRef("pk")).order_by("-date").values("date")[:1]
    )
    contact = Alert.objects.filter(patient=OuterRef("pk"), advice=Alert.Advice.CONTACT_TODAY)
    last_seen = contact.filter(acknowledged_at__isnull=False).order_by("-acknowledged_at")
    active_since = Subquery(active.values("start_date")[:1])
    patients.update(
        last_active_on=Case(
            When(
                Exists(active),
                then=Greatest(Coalesce(Subquery(last_session), active_since), active_since),
            ),
            default=None,
        ),
        notice_until=Case(
            When(Exists(contact.open()), then=Value(NOTICE_OPEN)),
            default=ExpressionWrapper(
                Subquery(last_seen.values("acknowledged_at")[:1]) + ACKNOWLEDGED_NOTICE_FOR,
                output_field=DateTimeField(),
            ),
        ),
        # As the patient reads it: in their language.
        active_plan_title=Coalesce(
            Subquery(
                active.annotate(
                    shown=in_reader_language("title", "patient__user__language")
                ).values("shown")[:1]
            ),
            Value(""),
        ),
        review_date=Subquery(active.values("review_date")[:1]),
        last_pain_at=Subquery(last_pain.values("recorded_at")[:1]),
        last_pain_score=Subquery(last_pain.values("score")[:1]),
        last_session_on=Subquery(last_session),
        open_alerts=Coalesce(Subquery(open_alerts, output_field=IntegerField()), Value(0)),
        version=F("version") + 1,
    )


def refresh_adherence(patient_ids: Iterable) -> None:
    """Count these patients' 7-day adherence again, as the patient list shows it
    (selectors.with_list_adherence, rules.adherence), and keep it for sorting the list.

    Called by the services that change sessions or plans, and each night by the scheduler
    (patients.jobs), since the week it counts moves on at midnight. A derived column, like
    the summary's: not in the audit trail.
    """
    patients = list(
        Patient.objects.filter(pk__in=list(patient_ids))
        .select_related("clinic")
        .only("pk", "clinic__time_zone")
    )
    by_day = {}
    for patient in patients:
        by_day.setdefault(patient.clinic.today(), []).append(patient)
    for today, group in by_day.items():
        for patient in selectors.with_list_adherence(group, today=today):
            result = patient.adherence_7d
            patient.adherence_percent = result.percent if result is not None else None
            patient.adherence_on = today
        Patient.objects.bulk_update(group, ["adherence_percent", "adherence_on"], batch_size=500)


# --- Plans -------------------------------------------------------------------------------


@transaction.atomic
def create_plan_from_template(
    *,
    patient: Patient,
    template: ProgrammeTemplate,
    created_by: User | None,
    start_date: dt.date,
    review_date: dt.date | None = None,
    message: str = "",
    dose_changes: dict[int, dict] | None = None,
    assign_template_articles: bool = True,
) -> Plan:
    """Copy a template into the patient's own plan. Later template edits never reach it.

    The title and the exercises' notes are copied in every language, so the plan reads in
    the patient's, and in the other one if they change it. `message` is the clinician's own
    words to this patient (see `create_plan`). `dose_changes` maps an item's position to the
    dose values tailored for this patient.
    """
    if not _in_library_of(template, patient):
        raise ValueError("This template is another clinic's.")
    dose_changes = dose_changes or {}
    items = []
    for item in template.items.select_related("exercise").order_by("position"):
        dose = item.dose
        values = dose.values()
        values.update(dose_changes.get(item.position, {}))
        items.append({"exercise": item.exercise, "note": texts(item, "note"), **values})
    plan = create_plan(
        patient=patient,
        title=texts(template, "name"),
        created_by=created_by,
        start_date=start_date,
        review_date=review_date,
        message=message,
        items=items,
        template=template,
    )
    if assign_template_articles:
        assign_articles(patient=patient, articles=template.articles.all(), assigned_by=created_by)
    return plan


Text = str | dict[str, str]


@transaction.atomic
def create_plan(
    *,
    patient: Patient,
    title: Text,
    created_by: User | None,
    start_date: dt.date,
    items: Iterable[dict],
    review_date: dt.date | None = None,
    message: Text = "",
    template: ProgrammeTemplate | None = None,
) -> Plan:
    """A plan of these items. Its title, message and each item's "note" are given in every
    language ({"en": ..., "fr": ...}, as `texts` reads them), or as one string: words
    written for this patient, in the patient's language."""
    language = patient.user.language
    plan = Plan.objects.create(
        patient=patient,
        template=template,
        **in_languages("title", title, language=language),
        start_date=start_date,
        review_date=review_date,
        **in_languages("message", message, language=language),
        created_by=created_by,
        version=0,
    )
    # Row by row, not bulk_create: each item's creation is in the audit trail.
    for position, values in enumerate(items, start=1):
        values = dict(values)
        note = in_languages("note", values.pop("note", ""), language=language)
        PlanItem.objects.create(plan=plan, position=position, **values, **note)
    record_revision(plan=plan, by=created_by)
    plan.refresh_from_db(fields=["version"])
    return plan


def texts(obj, field: str) -> dict[str, str]:
    """A translated field in every language: {"en": ..., "fr": ...} ("" where unwritten)."""
    return {code: getattr(obj, column(field, code)) or "" for code in CODES}


def in_languages(field: str, value: Text, *, language: str) -> dict[str, str]:
    """A plan's text as its columns: in every language as given, or, a plain string, in
    `language` alone (the patient's: what a clinician writes them)."""
    if not isinstance(value, dict):
        value = {language: value}
    return {column(field, code): value.get(code) or "" for code in CODES}


def plan_snapshot(plan: Plan) -> dict:
    """The plan as it stands, its text in every language: the patient is told what changed
    in theirs (rules.plan_changes)."""
    items = plan.items.select_related("exercise").order_by("position")
    return {
        "title": texts(plan, "title"),
        "status": plan.status,
        "start_date": plan.start_date.isoformat(),
        "review_date": plan.review_date.isoformat() if plan.review_date else None,
        "message": texts(plan, "message"),
        "items": [
            {
                "id": str(item.pk),
                "exercise": texts(item.exercise, "name"),
                "note": texts(item, "note"),
                # Not told to the patient, but a change all the same: a new version, so that
                # an editor who opened the plan before it does not overwrite it.
                "show_variants": item.show_variants,
                **item.dose.values(),
            }
            for item in items
        ],
    }


@transaction.atomic
def record_revision(*, plan: Plan, by: User | None) -> PlanRevision | None:
    """Keep the plan as it now stands as a new version, if anything changed.

    Called after every change to a plan or its items (the admin's included), so it also
    refreshes the patient's summary: even a change no revision records (an item's
    "offer easier and harder versions") shows on their pages.
    """
    plan = Plan.objects.select_for_update().get(pk=plan.pk)
    snapshot = plan_snapshot(plan)
    last = plan.revisions.order_by("-number").first()
    refresh_adherence([plan.patient_id])  # a plan's status or its days per week changed
    if last is not None and last.snapshot == snapshot:
        refresh_patient_summary(plan.patient_id)
        return None
    plan.version += 1
    plan.save(update_fields=["version", "updated_at"])
    revision = PlanRevision.objects.create(
        plan=plan, number=plan.version, snapshot=snapshot, created_by=by
    )
    refresh_patient_summary(plan.patient_id)
    return revision


@transaction.atomic
def set_plan_status(*, plan: Plan, status: str, by: User | None) -> Plan:
    plan.status = status
    plan.save(update_fields=["status", "updated_at"])
    record_revision(plan=plan, by=by)
    return plan


def mark_plan_seen(plan: Plan) -> None:
    """The patient has viewed this version. A read receipt: `updated_at` stays as it was."""
    if plan.seen_version >= plan.version:
        # Already seen: no UPDATE. It matched no row, but still cost every view of the plan
        # page a write statement and a round trip (bench/patient_pages.py).
        return
    Plan.objects.filter(pk=plan.pk, seen_version__lt=plan.version).update(seen_version=plan.version)
    refresh_patient_summary(plan.patient_id)  # Today's "what changed" box goes


def _in_library_of(item, patient: Patient) -> bool:
    """Whether a library item is one the patient's clinic may give: shipped, or its own."""
    return item.clinic_id is None or item.clinic_id == patient.clinic_id


# --- Articles ------------------------------------------------------------------------------


@transaction.atomic
def assign_articles(
    *, patient: Patient, articles: Iterable[Article], assigned_by: User | None
) -> list[ArticleAssignment]:
    """Give the patient these articles to read; an article already given stays as it was."""
    articles = list(articles)
    if not all(_in_library_of(article, patient) for article in articles):
        raise ValueError("One of these articles is another clinic's.")
    have = set(patient.article_assignments.values_list("article_id", flat=True))
    # Row by row, not bulk_create: each assignment is in the audit trail.
    made = [
        ArticleAssignment.objects.create(patient=patient, article=article, assigned_by=assigned_by)
        for article in articles
        if article.pk not in have
    ]
    if made:
        refresh_patient_summary(patient.pk)
    return made


def mark_article_read(assignment: ArticleAssignment) -> None:
    if assignment.first_read_at is None:
        # Only the first read counts; a conditional update keeps two tabs from racing.
        ArticleAssignment.objects.filter(pk=assignment.pk, first_read_at__isnull=True).update(
            first_read_at=timezone.now()
        )
        refresh_patient_summary(assignment.patient_id)  # no longer "New" on Today


# --- Sessions and adherence ----------------------------------------------------------------


@transaction.atomic
def log_session(
    *,
    patient: Patient,
    plan: Plan,
    date: dt.date,
    items: Iterable[PlanItem] | None = None,
    effort: str = "",
    note: str = "",
) -> tuple[SessionLog, bool]:
    """Mark the plan's session done for a date. Marking it again keeps the first record."""
    session, created = SessionLog.objects.get_or_create(
        plan=plan, date=date, defaults={"patient": patient, "effort": effort, "note": note}
    )
    if created:
        session.items.set(list(items) if items is not None else plan.items.all())
        refresh_patient_summary(patient.pk)
        refresh_adherence([patient.pk])
        evaluate_proposals(patient)
    return session, created


# --- Pain and alerts -----------------------------------------------------------------------


class SubmissionTokenTaken(Exception):
    """The form's one-time token belongs to another patient's entry: a forged form."""


def record_pain(*, patient: Patient, submission_id: uuid.UUID, **fields) -> tuple[PainEntry, bool]:
    """Save a pain entry once per form token, raise its alert and queue its email.

    The alert's email (patients.notifications) is a row written in the same transaction as
    the entry, and goes to a worker once that commits: the patient never waits for the mail
    server, and an email the queue or the mail server could not take is retried, not lost.

    Returns (entry, created). A second post of the same form returns the first entry; a
    token of another patient's entry raises SubmissionTokenTaken.
    """
    existing = _entry_of_token(patient, submission_id)
    if existing is not None:
        return existing, False
    try:
        with transaction.atomic():
            entry = PainEntry.objects.create(patient=patient, submission_id=submission_id, **fields)
            alert = raise_alert(entry=entry)
            if alert is not None:
                notifications.queue_alert_emails(alert)
            refresh_patient_summary(patient.pk)
            evaluate_proposals(patient)
    except IntegrityError:
        # The same form, posted twice at once: the other request saved it.
        existing = _entry_of_token(patient, submission_id)
        if existing is None:
            raise
        return existing, False
    return entry, True


def _entry_of_token(patient: Patient, submission_id: uuid.UUID) -> PainEntry | None:
    existing = PainEntry.objects.filter(submission_id=submission_id).first()
    if existing is not None and existing.patient_id != patient.pk:
        raise SubmissionTokenTaken
    return existing


def raise_alert(*, entry: PainEntry) -> Alert | None:
    """The entry's one alert, with every reason it has, or None if it needs none."""
    patient = entry.patient
    previous = list(
        patient.pain_entries.filter(
            recorded_at__lt=entry.recorded_at,
            recorded_at__gte=entry.recorded_at - dt.timedelta(days=rules.BASELINE_DAYS),
            score__isnull=False,
        ).values_list("score", flat=True)
    )
    reasons = rules.alert_reasons(
        score=entry.score,
        has_warning_sign=entry.has_warning_sign,
        threshold=patient.clinic.alert_threshold,
        previous_scores=previous,
    )
    if not reasons:
        return None
    return Alert.objects.create(
        patient=patient,
        pain_entry=entry,
        warning_sign=reasons.warning_sign,
        high_score=reasons.high_score,
        rising=reasons.rising,
        advice=Alert.Advice.CONTACT_TODAY if reasons.contact_today else Alert.Advice.EASE_OFF,
    )


@transaction.atomic
def acknowledge_alerts(
    *, alerts: Iterable[Alert], by: User, outcome: str, note: str = ""
) -> list[Alert]:
    """Acknowledge the open ones of these alerts with what was done; the others stay as they
    were (a colleague was quicker). Row by row, so each one is in the audit trail."""
    pending = Alert.objects.select_for_update().filter(
        pk__in=[alert.pk for alert in alerts], acknowledged_at__isnull=True
    )
    now = timezone.now()
    done = []
    for alert in pending.order_by("created_at"):
        alert.acknowledged_by = by
        alert.acknowledged_at = now
        alert.outcome = outcome
        alert.note = note
        alert.save(update_fields=["acknowledged_by", "acknowledged_at", "outcome", "note"])
        done.append(alert)
    for patient_id in {alert.patient_id for alert in done}:
        refresh_patient_summary(patient_id)
        # No open alert any more, or a rise acknowledged once too often: proposals change.
        evaluate_proposals(Patient.objects.select_related("clinic").get(pk=patient_id))
    return done


@transaction.atomic
def create_patient(
    *,
    clinic,
    email: str,
    first_name: str,
    last_name: str,
    language: str = User.Language.ENGLISH,
    **patient_fields,
) -> Patient:
    """Open a patient's record and account. The account has no password until invited."""
    user = User.objects.create_user(
        email=email, password=None, first_name=first_name, last_name=last_name, language=language
    )
    conditions = patient_fields.pop("conditions", None)
    patient = Patient.objects.create(user=user, clinic=clinic, **patient_fields)
    if conditions is not None:
        patient.conditions.set(conditions)
    return patient


# --- Proposals -------------------------------------------------------------------------------


class ProposalClosed(Exception):
    """The proposal was already accepted, dismissed or withdrawn (a colleague was quicker,
    or the patient no longer meets it)."""


def evaluate_proposals(patient: Patient) -> int:
    """Bring the patient's proposals up to date (patients.phases), after what they record."""
    from patients import phases  # phases reads the models this module writes

    return phases.evaluate_patient(patient)


@transaction.atomic
def accept_proposal(*, proposal: PhaseProposal, by: User) -> PhaseProposal:
    """The clinician's one click. Moving on: the next phase is assigned as any programme is
    (`create_plan_from_template`), the old plan completed, and the patient told what changed
    from one to the other. Easier variants: each exercise swapped for its easier variant in
    the same plan, as a new version the patient is told about."""
    proposal = (
        PhaseProposal.objects.select_for_update(of=("self",))
        .select_related("plan", "to_template", "patient__user", "patient__clinic")
        .get(pk=proposal.pk)
    )
    if proposal.status != PhaseProposal.Status.OPEN or proposal.plan.status != Plan.Status.ACTIVE:
        raise ProposalClosed
    patient, plan = proposal.patient, proposal.plan
    if proposal.kind == PhaseProposal.Kind.ADVANCE:
        if proposal.to_template is None:
            raise ProposalClosed  # the next phase was deleted from the library
        today = patient.clinic.today()
        before = plan_snapshot(plan)
        new_plan = create_plan_from_template(
            patient=patient,
            template=proposal.to_template,
            created_by=by,
            start_date=today,
            review_date=today + dt.timedelta(days=28),
        )
        new_plan.previous_snapshot = before
        new_plan.save(update_fields=["previous_snapshot"])
        set_plan_status(plan=plan, status=Plan.Status.COMPLETED, by=by)
        proposal.new_plan = new_plan
    else:
        _swap_to_easier(plan=plan, swaps=proposal.figures.get("swaps", []), by=by)
        proposal.new_plan = plan
    proposal.status = PhaseProposal.Status.ACCEPTED
    proposal.decided_by = by
    proposal.decided_at = timezone.now()
    proposal.save(update_fields=["status", "decided_by", "decided_at", "new_plan"])
    refresh_patient_summary(patient.pk)
    return proposal


def _swap_to_easier(*, plan: Plan, swaps: list[dict], by: User) -> None:
    """Each item of the swaps given its easier exercise (the same dose), row by row."""
    variants = {
        variant.pk: variant
        for variant in Exercise.objects.for_clinic(plan.patient.clinic)
        .published()
        .filter(pk__in=[swap["to"] for swap in swaps])
    }
    items = {str(item.pk): item for item in plan.items.all()}
    for swap in swaps:
        item, variant = items.get(swap["item"]), variants.get(swap["to"])
        if item is None or variant is None:
            continue  # the item was removed, or the variant unpublished, since
        item.exercise = variant
        item.save(update_fields=["exercise"])
    record_revision(plan=plan, by=by)


@transaction.atomic
def dismiss_proposal(*, proposal: PhaseProposal, by: User, reason: str) -> PhaseProposal:
    """Not now, and why: nothing changes for the patient."""
    proposal = PhaseProposal.objects.select_for_update().get(pk=proposal.pk)
    if proposal.status != PhaseProposal.Status.OPEN:
        raise ProposalClosed
    proposal.status = PhaseProposal.Status.DISMISSED
    proposal.decided_by = by
    proposal.decided_at = timezone.now()
    proposal.reason = reason
    proposal.save(update_fields=["status", "decided_by", "decided_at", "reason"])
    return proposal
