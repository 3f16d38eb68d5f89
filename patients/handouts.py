"""Printed handouts: a patient's programme and articles on paper, as a print page or a PDF.

One template per handout (`handouts/programme.html`, `handouts/article.html`), gathered on
one page (`handouts/page.html`, under `base_print.html`). The print page and the PDF are
the same HTML: the PDF is WeasyPrint's rendering of it (`patients.pdf.render_pdf`).

Paper: `?paper=letter` (the default: Canadian offices print on US Letter) or `?paper=a4`;
the layout fits both. `?large=1` prints large type (body 16 pt).

Every print page and PDF is recorded in the audit trail (`clinic.audit.record_access`),
one entry per plan, patient or article printed.
"""

import datetime as dt
from dataclasses import dataclass
from urllib.parse import urlencode

import segno
from django.conf import settings
from django.contrib.admin import helpers
from django.db import models
from django.http import Http404, HttpResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.cache import add_never_cache_headers
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from clinic.audit import record_access
from education.models import ArticleQuestion
from patients import extensions
from patients.invitations import invitation_url
from patients.models import WARNING_SIGN_FIELDS, ArticleAssignment, PainEntry, Patient, Plan

TICK_DAYS = 14
PAPER_SIZES = ("letter", "a4")
# A batch is one request: beyond this, split the selection.
MAX_BATCH = 100

HTML = "print"
PDF = "pdf"
BATCH_PDF = "batch_pdf"


def render_pdf(html: str, base_url: str) -> bytes:
    """`patients.pdf.render_pdf`, imported when a handout is printed: WeasyPrint loads
    Pango and its fonts on import (half a second), which no other page, worker or command
    needs to pay for when it starts."""
    from patients import pdf

    return pdf.render_pdf(html, base_url)


@dataclass(frozen=True)
class PrintOptions:
    paper: str = "letter"
    large: bool = False

    @classmethod
    def from_request(cls, request) -> "PrintOptions":
        params = request.GET
        paper = params.get("paper", "letter")
        return cls(
            paper=paper if paper in PAPER_SIZES else "letter",
            large=params.get("large") == "1",
        )

    def query(self, **changes) -> str:
        """The query string for these options, with `changes` applied ("?paper=a4&large=1")."""
        values = {"paper": self.paper, "large": self.large, **changes}
        params = {"paper": values["paper"]} if values["paper"] != "letter" else {}
        if values["large"]:
            params["large"] = "1"
        return "?" + urlencode(params) if params else ""


# --- The way in: QR code and short address ---------------------------------------------------


@dataclass(frozen=True)
class Access:
    """Where the handout sends the patient online, and how it says so."""

    url: str
    invitation: object | None  # the invitation whose activation link this is, if any

    @property
    def address(self) -> str:
        """The address to type, without the scheme."""
        return self.url.split("://", 1)[-1]

    @property
    def qr_svg(self) -> SafeString:
        # segno draws the code as one SVG path from the URL, which is the portal's own. Its
        # <title> is the figure's description in the tagged PDF (PDF/UA).
        svg = segno.make(self.url, error="m").svg_inline(
            scale=4, omitsize=True, title=_("QR code for the address below")
        )
        return mark_safe(svg)  # noqa: S308 - generated markup, no user text in it


def latest_invitation(patient: Patient):
    invitations = getattr(patient, "handout_invitations", None)
    if invitations is None:  # not prefetched (`for_handout`): one query
        invitations = list(patient.invitations.order_by("-created_at")[:1])
    return invitations[0] if invitations else None


def access_for(patient: Patient) -> Access:
    """The activation link while the patient has no password and their invitation works,
    otherwise the sign-in page.

    Never a link that signs anyone in by itself: the activation page asks for a new
    password (and the date of birth when the clinic has it), works once, and expires.
    """
    invitation = latest_invitation(patient)
    if (
        not patient.user.has_usable_password()
        and invitation is not None
        and invitation.is_usable
        and patient.is_active
    ):
        return Access(url=invitation_url(invitation), invitation=invitation)
    return Access(url=settings.PORTAL_URL + reverse("login"), invitation=None)


# --- One handout each ------------------------------------------------------------------------


def warning_signs() -> list[str]:
    """The five warning signs, worded as on the pain form."""
    return [PainEntry._meta.get_field(f).verbose_name for f in WARNING_SIGN_FIELDS]


def programme_handout(plan: Plan, *, today: dt.date) -> dict:
    """Everything one programme handout shows. `plan` comes from `Plan.objects.for_handout()`
    (or a patient's `handout_plans`), so building it costs no query."""
    patient = plan.patient
    return {
        "kind": "programme",
        "template": "handouts/programme.html",
        "language": patient.user.language,
        "patient": patient,
        "clinic": patient.clinic,
        "clinician": patient.clinician or plan.created_by,
        "plan": plan,
        "items": list(plan.items.all()),
        "date": today,
        "days": [today + dt.timedelta(days=n) for n in range(TICK_DAYS)],
        "warning_signs": warning_signs(),
        "access": access_for(patient),
    }


def article_handout(assignment: ArticleAssignment, *, patient: Patient, today: dt.date) -> dict:
    """One article on paper, its teach-back questions with tick boxes for a patient who works
    on paper. The questions come prefetched with a patient's (`Patient.for_handout`), else in
    two queries."""
    article = assignment.article
    models.prefetch_related_objects([article], article_questions())
    return {
        "kind": "article",
        "template": "handouts/article.html",
        "language": patient.user.language,
        "patient": patient,
        "clinic": patient.clinic,
        "article": article,
        "questions": list(article.questions.all()),
        "date": today,
    }


def article_questions() -> models.Prefetch:
    """An article's teach-back questions, with their answers in order."""
    return models.Prefetch("questions", queryset=ArticleQuestion.objects.with_choices())


def patient_handouts(patient: Patient) -> list[dict]:
    """A patient's active programmes and assigned articles. `patient` comes from
    `Patient.objects.for_handout()`."""
    today = patient.clinic.today()
    return [
        *(programme_handout(plan, today=today) for plan in patient.handout_plans),
        *(
            article_handout(assignment, patient=patient, today=today)
            for assignment in patient.handout_assignments
        ),
    ]


def plan_handouts(plans) -> list[dict]:
    return [programme_handout(plan, today=plan.patient.clinic.today()) for plan in plans]


# --- Batches ---------------------------------------------------------------------------------


def too_many_message() -> str:
    return _("A batch prints at most %(count)d at a time: select fewer.") % {"count": MAX_BATCH}


def selected_ids(request, queryset) -> list:
    """The ids an admin action is to print: every one that was ticked, or a 404.

    Django narrows an action's queryset to the user's clinic, silently dropping a forged id
    of another clinic's patient or plan; a batch prints all that was asked for, or nothing.
    """
    ids = list(queryset.values_list("pk", flat=True))
    select_across = request.POST.get("select_across") == "1"
    ticked = set(request.POST.getlist(helpers.ACTION_CHECKBOX_NAME))
    if not select_across and len(ids) != len(ticked):
        raise Http404
    return ids


# --- Output ----------------------------------------------------------------------------------


def with_sections(handouts: list[dict]) -> list[dict]:
    """The programme handouts with the sections other apps add (`extensions`, e.g. the
    outcome measures' progress) in `sections`: each app's for the whole batch at once."""
    programmes = [handout for handout in handouts if handout["kind"] == "programme"]
    patients = list({handout["patient"].pk: handout["patient"] for handout in programmes}.values())
    sections = extensions.handout_sections(patients)
    for handout in programmes:
        handout["sections"] = sections[handout["patient"].pk]
    return handouts


def render_page(
    request, handouts: list[dict], *, options: PrintOptions, for_pdf: bool, **context
) -> str:
    # One patient's handouts are a document in their language (the PDF says so too); a
    # batch of several languages is the reader's, each handout marked with its own. The
    # print page's toolbar stays in the reader's language.
    reader = get_language()
    languages = {handout["language"] for handout in handouts}
    document = languages.pop() if len(languages) == 1 else reader
    with translation.override(document):
        return render_to_string(
            "handouts/page.html",
            {
                "handouts": with_sections(handouts),
                "options": options,
                "for_pdf": for_pdf,
                "document_language": document,
                "reader_language": reader,
                **context,
            },
            request=request,
        )


def handout_response(
    request,
    handouts: list[dict],
    *,
    output: str,
    audited: list,
    back_url: str = "",
    pdf_url: str = "",
) -> HttpResponse:
    """The print page (`output=HTML`) or the PDF of these handouts, recorded in the audit
    trail for each object in `audited` (plans, patients, article assignments)."""
    options = PrintOptions.from_request(request)
    if output == HTML:
        html = render_page(
            request,
            handouts,
            options=options,
            for_pdf=False,
            back_url=back_url,
            pdf_url=pdf_url + options.query(),
            paper_urls={size: options.query(paper=size) or "?" for size in PAPER_SIZES},
            large_url=options.query(large=not options.large) or "?",
        )
        response = HttpResponse(html)
    else:
        html = render_page(request, handouts, options=options, for_pdf=True)
        response = HttpResponse(
            render_pdf(html, base_url=settings.PORTAL_URL + "/"), content_type="application/pdf"
        )
        # No name in the file name: it shows in download lists and print queues.
        filename = f"handout-{timezone.localdate():%Y-%m-%d}.pdf"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
    add_never_cache_headers(response)
    for obj in audited:
        record_access(request, obj, what=output)
    return response
