"""The clinic day in a real browser: each journey a test, from sign-in to the saved result.

Every page on the way is watched for content-security-policy violations (tests/e2e/conftest).
"""

import datetime as dt
import io
import re
import uuid

import pytest
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect
from pypdf import PdfReader

from education.models import Article, ProgrammeTemplate
from patients import services
from patients.invitations import send_invitation
from patients.models import Alert, ArticleAssignment, Invitation, PainEntry, Patient, SessionLog
from tests.conftest import PASSWORD
from tests.e2e.conftest import HEAVY_TIMEOUT, PHONE, sign_in_as

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PHASE_1 = "knee-settle-phase-1"
NEW_PASSWORD = "knee-better-by-spring"
INVITATION_LINK = re.compile(r"https?://\S+/invite/\S+/")


def authenticator_code(user) -> str:
    device = TOTPDevice.objects.get(user=user, confirmed=True)
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


def sign_in(page, user, *, password=PASSWORD, start="/"):
    page.goto(start)
    page.get_by_label("Email address").fill(user.email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    if user.is_staff:
        expect(page.get_by_role("heading", name="Enter your code")).to_be_visible()
        page.get_by_label("Code").fill(authenticator_code(user))
        page.get_by_role("button", name="Continue").click()


def first_item(template_slug=PHASE_1):
    template = ProgrammeTemplate.objects.get(slug=template_slug)
    return template.items.select_related("exercise").order_by("position").first()


def test_clinician_adds_a_patient_assigns_a_programme_and_invites_them(
    page, clinician_a, library, mailoutbox
):
    sign_in(page, clinician_a, start="/admin/")
    expect(page).to_have_url(re.compile(r"/admin/$"))

    page.locator("#patients-patient").get_by_role("link", name="Patients").click()
    page.get_by_role("link", name="Add patient").click()
    page.get_by_label("First name").fill("Nora")
    page.get_by_label("Last name").fill("Lee")
    page.get_by_label("Email address").fill("nora.lee@patients.example")
    page.get_by_label("Preferred language").select_option("en")
    page.get_by_label("Primary clinician").select_option(str(clinician_a.pk))
    page.get_by_label("Date of birth").fill("1984-05-02")
    page.get_by_label("Affected side").select_option("left")
    page.get_by_role("button", name="Save and continue editing").click()
    expect(page.locator(".messagelist")).to_contain_text("was added successfully")
    patient = Patient.objects.get(user__email="nora.lee@patients.example")
    assert patient.clinic == clinician_a.staff_membership.clinic

    # The phase-1 template, with the first exercise's repetitions changed for Nora.
    item = first_item()
    page.get_by_role("link", name="Assign a programme").click()
    page.get_by_label("Programme template").select_option(label=item.template.name)
    page.get_by_role("button", name="Use this template").click()
    reps = page.get_by_label(f"{item.exercise.name}: Reps")
    assert int(reps.input_value()) == item.dose.reps
    reps.fill(str(item.dose.reps + 5))
    page.get_by_label("Also assign the template's articles").uncheck()
    page.get_by_role("button", name="Assign this programme").click()
    expect(page.locator(".messagelist")).to_contain_text(f"“{item.template.name}” assigned")

    articles = list(Article.objects.filter(status=Article.Status.PUBLISHED).order_by("title")[:2])
    page.get_by_role("link", name="Assign articles").click()
    for article in articles:
        page.get_by_label(article.title).check()
    page.get_by_role("button", name="Assign").click()
    expect(page.locator(".messagelist")).to_contain_text("2 articles assigned.")

    page.get_by_role("button", name="Send invitation").click()
    expect(page.locator(".messagelist")).to_contain_text(
        "Invitation sent to nora.lee@patients.example."
    )

    plan = patient.plans.get()
    assert plan.template == item.template
    changed = plan.items.get(position=item.position)
    assert changed.reps == item.dose.reps + 5
    assert changed.sets == item.dose.sets
    assert {a.article for a in ArticleAssignment.objects.filter(patient=patient)} == set(articles)
    assert Invitation.objects.filter(patient=patient, used_at__isnull=True).count() == 1
    assert [message.to for message in mailoutbox] == [["nora.lee@patients.example"]]
    assert INVITATION_LINK.search(mailoutbox[0].body)


@pytest.fixture
def invited_patient(clinic_a, clinician_a, library, mailoutbox):
    """Nora, as journey 1 leaves her: a plan with one changed dose, and an invitation sent."""
    patient = services.create_patient(
        clinic=clinic_a,
        email="nora.lee@patients.example",
        first_name="Nora",
        last_name="Lee",
        clinician=clinician_a,
        date_of_birth=dt.date(1984, 5, 2),
        affected_side="left",
    )
    item = first_item()
    services.create_plan_from_template(
        patient=patient,
        template=item.template,
        created_by=clinician_a,
        start_date=clinic_a.today(),
        dose_changes={item.position: {"reps": item.dose.reps + 5}},
    )
    send_invitation(patient=patient, sent_by=clinician_a)
    return patient


def test_patient_accepts_the_invitation_and_does_the_day(page, invited_patient, mailoutbox):
    item = first_item()
    (email,) = mailoutbox
    page.goto(INVITATION_LINK.search(email.body)[0])

    page.get_by_label("Your date of birth").fill("1984-05-02")
    page.get_by_label("New password*", exact=True).fill(NEW_PASSWORD)  # * marks it required
    page.get_by_label("New password confirmation").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Save my password and sign in").click()

    expect(page.get_by_role("heading", name="Hello, Nora")).to_be_visible()
    expect(page.get_by_role("status")).to_contain_text("Welcome!")
    exercise = page.locator(".today-exercises li").filter(has_text=item.exercise.name)
    expect(exercise).to_contain_text(f"{item.dose.reps + 5} repetitions")

    assignment = ArticleAssignment.objects.filter(patient=invited_patient).first()
    page.get_by_role("link", name=assignment.article.title).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(assignment.article.title)
    page.get_by_role("link", name="Today").click()

    page.get_by_role("button", name="Mark today's session done").click()
    expect(page.get_by_role("status")).to_contain_text("Well done! Today's session is saved.")
    expect(page.locator(".session-done")).to_be_visible()

    page.get_by_role("link", name="Record your pain").click()
    page.get_by_label("3", exact=True).check()
    page.get_by_label("At rest").check()
    page.get_by_label("Behind or around the kneecap").check()
    page.get_by_role("button", name="Save entry").click()

    expect(page.get_by_role("heading", name="Your entry is saved")).to_be_visible()
    expect(page.locator("main")).to_contain_text("Pain score 3 out of 10")
    expect(page.locator(".contact-clinic")).to_have_count(0)

    invited_patient.refresh_from_db()
    assert invited_patient.user.check_password(NEW_PASSWORD)
    assignment.refresh_from_db()
    assert assignment.first_read_at is not None
    assert SessionLog.objects.filter(patient=invited_patient).count() == 1
    entry = PainEntry.objects.get(patient=invited_patient)
    assert (entry.score, entry.context, entry.knee) == (3, "rest", "left")
    assert not Alert.objects.filter(patient=invited_patient).exists()


def test_patient_reports_a_warning_sign_and_is_told_to_call_the_clinic(
    page, plan_a, patient_a, clinic_a
):
    sign_in(page, patient_a.user)
    page.get_by_role("link", name="Pain diary").click()
    page.get_by_label("8", exact=True).check()
    page.get_by_label("During exercise").check()
    page.get_by_label("Behind or around the kneecap").check()
    page.get_by_label("My knee locks, catches or gives way").check()
    page.get_by_role("button", name="Save entry").click()

    contact = page.get_by_role("alert")
    expect(contact).to_contain_text("Contact the clinic today")
    call = contact.get_by_role("link", name=f"Call {clinic_a.name}: {clinic_a.phone}")
    expect(call).to_have_attribute("href", f"tel:{clinic_a.phone}")
    entry = PainEntry.objects.get(patient=patient_a)
    assert (entry.score, entry.locking_or_giving_way) == (8, True)
    assert entry.alert.warning_sign


@pytest.fixture
def warning_alert(patient_a):
    entry, _ = services.record_pain(
        patient=patient_a,
        submission_id=uuid.uuid4(),
        score=8,
        recorded_at=timezone.now(),
        context=PainEntry.Context.DURING,
        location=PainEntry.Location.KNEECAP,
        knee=PainEntry.Knee.RIGHT,
        locking_or_giving_way=True,
    )
    return entry.alert


def acknowledge_first_alert(page, *, outcome, note):
    """From the admin index's banner to the alert's page, acknowledged with `outcome`."""
    banner = page.locator(".open-alerts-banner")
    expect(banner).to_contain_text("open alert")
    banner.get_by_role("link").click()
    row = page.locator("#result_list tbody tr").first
    expect(row).to_contain_text("My knee locks, catches or gives way")
    row.get_by_role("link", name=re.compile("My knee locks")).click()
    page.get_by_label(outcome).check()
    page.get_by_label("Note").fill(note)
    page.get_by_role("button", name="Acknowledge").click()
    expect(page.locator(".messagelist")).to_contain_text("Alert acknowledged.")


def test_clinician_sees_the_alert_and_acknowledges_it(page, clinician_a, warning_alert):
    Patient.objects.filter(pk=warning_alert.patient_id).update(phone="+16135550142")
    sign_in(page, clinician_a, start="/admin/")
    banner = page.locator(".open-alerts-banner")
    banner.get_by_role("link").click()
    row = page.locator("#result_list tbody tr").first
    expect(row).to_contain_text("8/10")
    row.get_by_role("link", name=re.compile("My knee locks")).click()
    expect(page.locator("#content")).to_contain_text(str(warning_alert.patient))
    expect(
        page.locator(".alert-callback").get_by_role("link", name="(613) 555-0142")
    ).to_have_attribute("href", "tel:+16135550142")
    expect(page.locator(".alert-entry")).to_contain_text("My knee locks, catches or gives way")
    page.goto("/admin/")
    acknowledge_first_alert(
        page, outcome="Booked a visit", note="Called Ada, booked for tomorrow morning."
    )

    warning_alert.refresh_from_db()
    assert warning_alert.acknowledged_by == clinician_a
    assert (warning_alert.outcome, warning_alert.note) == (
        "booked",
        "Called Ada, booked for tomorrow morning.",
    )


def test_on_a_phone_a_warning_sign_alone_is_saved_and_stays_until_the_clinic_calls(
    new_context, page, plan_a, patient_a, clinician_a, clinic_a
):
    phone = new_context(viewport=PHONE, is_mobile=True, has_touch=True).new_page()
    sign_in_as(phone, patient_a.user)
    phone.goto("/pain/")

    # Nothing ticked: the error summary comes first, with the focus, and links to the score.
    phone.get_by_role("button", name="Save entry").click()
    summary = phone.locator(".error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Choose a number from 0 to 10, or tick a warning sign")
    summary.get_by_role("link").first.click()
    expect(phone.locator("#id_score_0")).to_be_focused()
    assert not PainEntry.objects.exists()

    # A score and a warning sign, nothing else: saved, and the clinic is to be called.
    phone.get_by_label("8", exact=True).check()
    phone.get_by_label("My knee locks, catches or gives way").check()
    phone.get_by_role("button", name="Save entry").click()
    expect(phone.get_by_role("heading", name="Your entry is saved")).to_be_visible()
    entry = PainEntry.objects.get(patient=patient_a)
    assert (entry.score, entry.context, entry.location) == (8, "", "")
    assert entry.alert.warning_sign

    # Today: the notice first, with the clinic's number to call.
    phone.get_by_role("link", name="Back to Today").click()
    notice = phone.locator(".contact-clinic")
    expect(notice).to_contain_text("Contact the clinic today")
    expect(notice.get_by_role("link", name=re.compile(clinic_a.phone))).to_have_attribute(
        "href", f"tel:{clinic_a.phone}"
    )
    assert phone.evaluate(
        "() => document.querySelector('.contact-clinic').getBoundingClientRect().top"
        " < document.querySelector('.today-card').getBoundingClientRect().top"
    )

    # The clinician calls back and acknowledges; the patient's notice says so.
    sign_in(page, clinician_a, start="/admin/")
    acknowledge_first_alert(page, outcome="Called the patient", note="Rest, seen tomorrow.")
    phone.reload()
    expect(phone.locator(".contact-clinic")).to_have_count(0)
    seen = phone.locator(".contact-seen")
    expect(seen).to_contain_text("Your clinic has seen your report")
    expect(seen).to_contain_text("Clinician Clinic-A looked at it on")


def test_front_desk_prints_one_pdf_for_two_patients(
    page, front_desk_a, patient_a, patient_a2, plan_a, plan_a2
):
    sign_in(page, front_desk_a, start="/admin/patients/patient/")
    expect(page).to_have_url(re.compile(r"/admin/patients/patient/$"))
    for patient in (patient_a, patient_a2):
        page.locator(f"input.action-select[value='{patient.pk}']").check()
    page.locator("select[name=action]").select_option("print_handouts")
    with page.expect_download(timeout=HEAVY_TIMEOUT) as download:  # the PDF is laid out
        page.get_by_role("button", name="Go").click()
    path = download.value.path()
    content = path.read_bytes()

    assert content.startswith(b"%PDF-")
    reader = PdfReader(io.BytesIO(content))
    text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    assert len(reader.pages) >= 2
    for patient in (patient_a, patient_a2):
        assert patient.user.get_full_name() in text
    assert download.value.suggested_filename.startswith("handout-")


def test_on_a_phone_a_patient_records_pain_with_the_keyboard_alone(phone_page, plan_a, patient_a):
    page = phone_page
    sign_in_as(page, patient_a.user)
    page.goto("/")
    expect(page.get_by_role("heading", name=re.compile("Hello"))).to_be_visible()

    tab_to(page, "Record your pain")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Pain diary", level=1)).to_be_visible()

    # The 0-10 scale is one radio group: Tab into it, arrows choose the score.
    tab_to(page, "0 – no pain")
    for _ in range(4):
        page.keyboard.press("ArrowRight")
    expect(page.get_by_label("4", exact=True)).to_be_checked()
    tab_to(page, "At rest")
    page.keyboard.press("Space")
    tab_to(page, "Behind or around the kneecap")
    page.keyboard.press("Space")
    tab_to(page, "Save entry")
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", name="Your entry is saved")).to_be_visible()
    entry = PainEntry.objects.get(patient=patient_a)
    assert (entry.score, entry.context, entry.location) == (4, "rest", "kneecap")


FOCUSED_NAME = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return "";
  const label = el.labels && el.labels.length ? el.labels[0].innerText : "";
  return (label || el.getAttribute("aria-label") || el.value && el.type === "submit" && el.value
          || el.innerText || "").trim();
}"""


def tab_to(page, name, *, limit=60):
    """Press Tab until the element named `name` (its label or text) has the focus."""
    seen = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED_NAME)
        if focused == name:
            return
        seen.append(focused)
    raise AssertionError(f"Tab never reached {name!r}; it went through {seen}")


def test_a_patient_switches_to_french_and_stays_on_the_same_page(page, patient_a, plan_a):
    item = plan_a.items.order_by("position").first()
    sign_in(page, patient_a.user)
    page.get_by_role("link", name=item.exercise.name).click()
    exercise_page = page.url
    page.get_by_role("button", name="Français").click()

    expect(page).to_have_url(exercise_page)
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    expect(page.get_by_role("heading", level=1)).to_have_text(item.exercise.name_fr)
    expect(page.get_by_role("heading", name="Comment le faire")).to_be_visible()
    patient_a.user.refresh_from_db()
    assert patient_a.user.language == "fr"
    # And back: the switch is on every page, in the other language.
    page.get_by_role("button", name="English").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(item.exercise.name_en)
