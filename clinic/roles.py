"""What each staff role may do, as Django model permissions.

The groups are written by migrations (`sync_role_groups`), never by hand, so every
database has the same roles. Which *rows* a role sees is decided separately, by clinic.
"""

from django.contrib.auth.management import create_permissions

CLINICIAN = "clinician"
FRONT_DESK = "front_desk"
MANAGER = "manager"

GROUP_NAMES = {
    CLINICIAN: "Clinician",
    FRONT_DESK: "Front desk",
    MANAGER: "Clinic manager",
}


def _crud(app_label: str, *models: str, actions=("view", "add", "change", "delete")) -> set[str]:
    return {f"{app_label}.{action}_{model}" for model in models for action in actions}


_LIBRARY = (
    "exercise",
    "exercisepicture",
    "condition",
    "article",
    "programmetemplate",
    "programmetemplateitem",
    "phasecriterion",
    "articlequestion",
    "articleanswerchoice",
)

_CLINICIAN_PERMISSIONS = (
    {"clinic.view_clinic"}
    | _crud("education", *_LIBRARY)
    | _crud("patients", "patient", "plan", "planitem", "articleassignment")
    | _crud("patients", "painentry", "sessionlog", "planrevision", actions=("view",))
    | _crud("patients", "alert", actions=("view", "change"))
    # The portal's proposals to move a patient on or back: a clinical decision.
    | _crud("patients", "phaseproposal", "teachbackanswer", actions=("view",))
    | _crud("patients", "phaseproposal", actions=("change",))
    # What the portal emailed (kind, to whom, when, how it went): no health details in it,
    # but whose alerts and reminders went out is for the clinical staff.
    | _crud("patients", "outgoingmessage", actions=("view",))
    | _crud("patients", "invitation", actions=("view", "add"))
    | {"patients.print_handout"}
    # Outcome measures: the clinic's questionnaires, when plans ask for them, the answers.
    | _crud("outcomes", "measureschedule")
    | _crud("outcomes", "questionnaire", "response", actions=("view",))
    # A response is never edited: "change" is marking one as entered in error.
    | _crud("outcomes", "response", actions=("change",))
)

ROLE_PERMISSIONS: dict[str, set[str]] = {
    CLINICIAN: _CLINICIAN_PERMISSIONS,
    FRONT_DESK: (
        {"clinic.view_clinic"}
        | _crud("education", *_LIBRARY, actions=("view",))
        | _crud("patients", "patient", actions=("view", "add", "change"))
        | _crud("patients", "plan", "planitem", "articleassignment", actions=("view",))
        | _crud("patients", "invitation", actions=("view", "add"))
        | {"patients.print_handout"}
    ),
    MANAGER: (
        _CLINICIAN_PERMISSIONS
        # Clinic settings (the alert threshold), the staff list and roles, the audit trail.
        | {"clinic.change_clinic", "auditlog.view_logentry"}
        | _crud("clinic", "staffmembership")
        # A questionnaire of the clinic's own, imported from a FHIR file.
        | _crud("outcomes", "questionnaire", actions=("add", "change", "delete"))
    ),
}


def sync_role_groups(apps, schema_editor=None):
    """Make each role's group hold exactly its permissions (those whose models exist yet)."""
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    existing = {
        f"{app_label}.{codename}": pk
        for pk, app_label, codename in Permission.objects.values_list(
            "pk", "content_type__app_label", "codename"
        )
    }
    for role, codes in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=GROUP_NAMES[role])
        group.permissions.set([existing[code] for code in codes if code in existing])
