"""The patient's measures: the form of one due, their progress, their FHIR bundle.

Every view starts with `get_patient(request)`; what a patient answers is looked up among
what is due to them now, so another patient's plan or a measure not due is a 404.
"""

from django.contrib import messages
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from clinic.audit import record_access
from outcomes import presentation, selectors, services
from outcomes.forms import ResponseForm
from patients import fragments
from patients.access import get_patient


@require_safe
@never_cache
def progress(request):
    patient = get_patient(request)
    today = patient.clinic.today()

    def build():
        context = {
            "due": selectors.due_for([patient], today),
            "measures": presentation.with_charts(selectors.progress(patient)),
        }
        return _("My progress"), "outcomes/fragments/progress.html", context

    return fragments.page(request, patient, "progress", today, build=build)


@require_http_methods(["GET", "HEAD", "POST"])
@never_cache
def answer(request, plan_id, schedule_id):
    patient = get_patient(request)
    due = selectors.due_one(patient, schedule_id, plan_id, patient.clinic.today())
    if due is None:
        # Not due (answered already, or not this patient's): a double submit lands here.
        if request.method == "POST":
            messages.info(request, _("This questionnaire is already saved, or not due now."))
            return redirect("outcomes:progress")
        raise Http404
    questionnaire = due.questionnaire
    language = get_language()
    carried = selectors.carried_forward(patient, due.plan, questionnaire)
    if request.method == "POST":
        form = ResponseForm(
            request.POST, questionnaire=questionnaire, language=language, carried=carried
        )
        if form.is_valid():
            answers = {**(carried or {}), **form.answers()}
            _response, created = services.submit_response(
                patient=patient, due=due, answers=answers, language=language
            )
            if created:
                messages.success(request, _("Thank you. Your answers are saved."))
            return redirect("outcomes:progress")
    else:
        form = ResponseForm(questionnaire=questionnaire, language=language, carried=carried)
    return render(
        request,
        "outcomes/answer.html",
        {"form": form, "questionnaire": questionnaire, "due": due},
    )


@require_safe
@never_cache
def fhir_bundle(request):
    patient = get_patient(request)
    record_access(request, patient, what="export_fhir")
    from outcomes import fhir  # pydantic's FHIR models load in a quarter-second: only here

    return download(fhir.patient_bundle(patient), patient)


def download(bundle: dict, patient) -> JsonResponse:
    response = JsonResponse(bundle, content_type="application/fhir+json")
    name = f"fhir-{patient.clinic.today():%Y-%m-%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "no-store"  # health information
    return response
