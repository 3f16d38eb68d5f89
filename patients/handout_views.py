"""A patient's own handouts from the portal: their plan's print page and PDF, and an
article's PDF. As on every patient page, the patient comes from the signed-in user and the
plan or article is looked up among their own rows only: anybody else's is a 404.

The staff side (any patient of their clinic, and batches) is in the admin (patients/admin.py).
"""

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views.decorators.http import require_safe

from patients import handouts
from patients.access import get_patient
from patients.models import ArticleAssignment, Plan


def _plan_handout(request, plan_id, output):
    patient = get_patient(request)
    plan = get_object_or_404(Plan.objects.owned_by(patient).for_handout(), pk=plan_id)
    return handouts.handout_response(
        request,
        handouts.plan_handouts([plan]),
        output=output,
        audited=[plan],
        back_url=reverse("patients:plan", args=[plan.pk]),
        pdf_url=reverse("patients:plan_handout_pdf", args=[plan.pk]),
    )


@require_safe
def plan_handout(request, plan_id):
    return _plan_handout(request, plan_id, handouts.HTML)


@require_safe
def plan_handout_pdf(request, plan_id):
    return _plan_handout(request, plan_id, handouts.PDF)


@require_safe
def article_handout_pdf(request, assignment_id):
    patient = get_patient(request)
    assignment = get_object_or_404(
        ArticleAssignment.objects.for_patient(patient).select_related("article__reviewed_by"),
        pk=assignment_id,
    )
    handout = handouts.article_handout(assignment, patient=patient, today=patient.clinic.today())
    return handouts.handout_response(request, [handout], output=handouts.PDF, audited=[assignment])
