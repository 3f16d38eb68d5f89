"""The admin's own pages (the way djangoproject.com's fundraising/admin_views.py does it).

Each takes the ModelAdmin it is wired from (its `get_urls`): records are looked up through
`model_admin.get_object`, so another clinic's record is a 404, never a 403 that confirms it
exists; a role without the permission gets a 403.
"""

import datetime as dt

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from clinic.admin import parse_id
from education.models import ProgrammeTemplate
from patients import handouts, services
from patients.forms_admin import (
    AcknowledgeAlertForm,
    AssignArticlesForm,
    AssignProgrammeForm,
    DismissProposalForm,
    ItemDoseFormSet,
)
from patients.invitations import send_invitation


def _object(request, model_admin, object_id, permission=None):
    if permission is not None and not request.user.has_perm(permission):
        raise PermissionDenied
    obj = model_admin.get_object(request, object_id)
    if obj is None:
        raise Http404
    return obj


def _page(request, model_admin, template, **context):
    return TemplateResponse(
        request,
        template,
        {**model_admin.admin_site.each_context(request), "opts": model_admin.opts, **context},
    )


def _errors_as_messages(request, model_admin, form):
    """A small form posted from a record's page: its errors shown at the top of that page."""
    for errors in form.errors.values():
        for error in errors:
            model_admin.message_user(request, error, messages.ERROR)


def _change_url(patient):
    return reverse("admin:patients_patient_change", args=[patient.pk])


def assign_programme(request, model_admin, object_id):
    """Pick a template (a GET), then tailor its doses and dates (the POST)."""
    patient = _object(request, model_admin, object_id, "patients.add_plan")
    today = patient.clinic.today()
    templates = ProgrammeTemplate.objects.for_clinic(patient.clinic)
    # An id that is not one (junk, "²", too large to store) picks no template.
    template_id = parse_id(ProgrammeTemplate, (request.POST or request.GET).get("template", ""))
    template = (
        templates.for_assignment().filter(pk=template_id).first()
        if template_id is not None
        else None
    )
    items = list(template.items.all()) if template else []
    form = AssignProgrammeForm(
        request.POST or None,
        clinic=patient.clinic,
        reader_language=patient.user.language,
        initial={
            "template": template,
            "start_date": today,
            "review_date": today + dt.timedelta(days=28),
        },
    )
    initial = [{"position": item.position, **item.dose.values()} for item in items]
    formset = ItemDoseFormSet(
        request.POST if request.method == "POST" else None, initial=initial, prefix="items"
    )
    if formset.is_bound and formset.total_form_count() != len(items):
        # A form posted for another template's exercises: show this one's afresh.
        formset = ItemDoseFormSet(initial=initial, prefix="items")
        form.add_error(None, _("The programme's exercises did not match. Check the doses again."))
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        plan = services.create_plan_from_template(
            patient=patient,
            template=form.cleaned_data["template"],
            created_by=request.user,
            start_date=form.cleaned_data["start_date"],
            review_date=form.cleaned_data["review_date"],
            message=form.cleaned_data["message"],
            dose_changes={f.cleaned_data["position"]: f.dose_values() for f in formset},
            assign_template_articles=form.cleaned_data["assign_articles"],
        )
        model_admin.message_user(
            request,
            _("Programme “%(title)s” assigned to %(patient)s.")
            % {"title": plan.title, "patient": patient},
            messages.SUCCESS,
        )
        return redirect(_change_url(patient))
    return _page(
        request,
        model_admin,
        "admin/patients/assign_programme.html",
        title=_("Assign a programme to %(patient)s") % {"patient": patient},
        patient=patient,
        form=form,
        formset=formset,
        rows=list(zip(items, formset.forms, strict=True)),
        template_chosen=template,
        templates=templates.for_library(),
    )


def assign_articles(request, model_admin, object_id):
    patient = _object(request, model_admin, object_id, "patients.add_articleassignment")
    form = AssignArticlesForm(request.POST or None, clinic=patient.clinic)
    if request.method == "POST" and form.is_valid():
        created = services.assign_articles(
            patient=patient, articles=form.cleaned_data["articles"], assigned_by=request.user
        )
        model_admin.message_user(
            request,
            ngettext("%d article assigned.", "%d articles assigned.", len(created)) % len(created),
            messages.SUCCESS,
        )
        return redirect(_change_url(patient))
    return _page(
        request,
        model_admin,
        "admin/patients/assign_articles.html",
        title=_("Assign articles to %(patient)s") % {"patient": patient},
        patient=patient,
        form=form,
    )


def send_patient_invitation(request, model_admin, object_id):
    patient = _object(request, model_admin, object_id, "patients.add_invitation")
    invitation = send_invitation(patient=patient, sent_by=request.user)
    if invitation.email_error is None:
        model_admin.message_user(
            request,
            _("Invitation sent to %(email)s.") % {"email": patient.user.email},
            messages.SUCCESS,
        )
    else:
        model_admin.message_user(request, not_sent_message([patient]), messages.ERROR)
    return redirect(_change_url(patient))


def not_sent_message(patients) -> str:
    """What staff are told when invitation emails did not leave (the mail server refused
    them or could not be reached)."""
    return ngettext(
        "The invitation email to %(emails)s was not sent: the mail server did not accept it. "
        "The new link works: print the patient's handout to give it to them, or try again "
        "later.",
        "The invitation emails to %(emails)s were not sent: the mail server did not accept "
        "them. The new links work: print the patients' handouts to give them to them, or try "
        "again later.",
        len(patients),
    ) % {"emails": ", ".join(patient.user.email for patient in patients)}


def acknowledge_alert(request, model_admin, object_id):
    alert = _object(request, model_admin, object_id, "patients.change_alert")
    form = AcknowledgeAlertForm(request.POST)
    if not form.is_valid():
        _errors_as_messages(request, model_admin, form)
        return redirect("admin:patients_alert_change", alert.pk)
    done = services.acknowledge_alerts(alerts=[alert], by=request.user, **form.cleaned_data)
    if done:
        model_admin.message_user(request, _("Alert acknowledged."), messages.SUCCESS)
    else:
        model_admin.message_user(request, _("This alert was already acknowledged."), messages.INFO)
    return redirect("admin:patients_alert_changelist")


def handout(request, model_admin, object_id, *, output):
    """The print page (or PDF) of one plan or patient."""
    if not model_admin.has_print_handout_permission(request):
        raise PermissionDenied
    obj = _object(request, model_admin, object_id)
    obj = model_admin.model.objects.for_handout().get(pk=obj.pk)
    name = f"admin:{model_admin.opts.app_label}_{model_admin.opts.model_name}"
    return handouts.handout_response(
        request,
        model_admin.handouts_for([obj]),
        output=output,
        audited=[obj],
        back_url=reverse(f"{name}_change", args=[obj.pk]),
        pdf_url=reverse(f"{name}_handout_pdf", args=[obj.pk]),
    )


def accept_proposal(request, model_admin, object_id):
    proposal = _object(request, model_admin, object_id, "patients.change_phaseproposal")
    try:
        proposal = services.accept_proposal(proposal=proposal, by=request.user)
    except services.ProposalClosed:
        model_admin.message_user(
            request, _("This proposal is no longer open: nothing was changed."), messages.INFO
        )
        return redirect("admin:patients_phaseproposal_changelist")
    if proposal.kind == proposal.Kind.ADVANCE:
        done = _("%(patient)s moved on to “%(title)s”. The previous plan is completed.") % {
            "patient": proposal.patient,
            "title": proposal.new_plan.title,
        }
    else:
        done = _("%(patient)s's plan now has the easier variants.") % {"patient": proposal.patient}
    model_admin.message_user(request, done, messages.SUCCESS)
    return redirect(_change_url(proposal.patient))


def dismiss_proposal(request, model_admin, object_id):
    proposal = _object(request, model_admin, object_id, "patients.change_phaseproposal")
    form = DismissProposalForm(request.POST)
    if not form.is_valid():
        _errors_as_messages(request, model_admin, form)
        return redirect("admin:patients_phaseproposal_change", proposal.pk)
    try:
        services.dismiss_proposal(proposal=proposal, by=request.user, **form.cleaned_data)
    except services.ProposalClosed:
        model_admin.message_user(
            request, _("This proposal is no longer open: nothing was changed."), messages.INFO
        )
    else:
        model_admin.message_user(request, _("Proposal dismissed."), messages.SUCCESS)
    return redirect("admin:patients_phaseproposal_changelist")
