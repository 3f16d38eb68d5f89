from django.core.management.base import BaseCommand
from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice

from clinic.models import Clinic, User
from clinic.roles import CLINICIAN, FRONT_DESK, MANAGER
from clinic.services import set_staff_role, upsert
from clinic.two_factor import secret_base32
from education.services import load_library
from patients.demo import load_demo_patients

DEMO_PASSWORD = "demo-portal-2026"  # noqa: S105 - published demo password, by design

CLINICS = [
    {
        "slug": "riverside",
        "name": "Riverside Physiotherapy",
        "address": "120 River Road, Ottawa ON K1A 0A1",
        "phone": "613-555-0142",
        "email": "hello@riverside.example",
        "time_zone": "America/Toronto",
    },
    {
        "slug": "lakeshore",
        "name": "Lakeshore Sports Clinic",
        "address": "45 rue du Lac, Montréal QC H2X 1Y4",
        "phone": "514-555-0178",
        "email": "bonjour@lakeshore.example",
        "time_zone": "America/Toronto",
    },
]

STAFF = [
    ("physio@riverside.example", "Jordan", "Reyes", "en", "riverside", CLINICIAN),
    ("desk@riverside.example", "Pat", "Kim", "en", "riverside", FRONT_DESK),
    # Unacknowledged alerts reach her after Riverside's deadline (4 hours).
    ("manager@riverside.example", "Morgan", "Lee", "en", "riverside", MANAGER),
    ("physio@lakeshore.example", "Camille", "Tremblay", "fr", "lakeshore", CLINICIAN),
]

PATIENTS = [
    ("alex@patients.example", "Alex", "Martin", "en"),
    ("sam@patients.example", "Sam", "Okafor", "en"),
    ("taylor@patients.example", "Taylor", "Nguyen", "en"),
    ("remy@patients.example", "Rémy", "Gagnon", "fr"),
]


def demo_user(email: str, first_name: str, last_name: str, language: str) -> User:
    user = upsert(
        User,
        lookup={"email": email},
        values={"first_name": first_name, "last_name": last_name, "language": language},
    )
    # Only when needed: re-hashing would change the row on every run.
    if not user.check_password(DEMO_PASSWORD):
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
    return user


def demo_authenticator(user: User) -> str:
    """Staff need a second factor; the demo links one and prints its secret to type in."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="Demo authenticator", confirmed=True)
    return secret_base32(device)


class Command(BaseCommand):
    help = "Create (or bring back) the demo clinics and accounts. Safe to run again."

    @transaction.atomic
    def handle(self, *args, **options):
        clinics = {}
        for data in CLINICS:
            slug = data["slug"]
            defaults = {key: value for key, value in data.items() if key != "slug"}
            clinics[slug] = upsert(Clinic, lookup={"slug": slug}, values=defaults)
        secrets = {}
        for email, first, last, language, clinic_slug, role in STAFF:
            user = demo_user(email, first, last, language)
            # Jordan reads the weekly digest of his inactive and alerting patients.
            digest = email == "physio@riverside.example"
            set_staff_role(user=user, clinic=clinics[clinic_slug], role=role, weekly_digest=digest)
            secrets[email] = demo_authenticator(user)
        for email, first, last, language in PATIENTS:
            demo_user(email, first, last, language)
        load_library()
        load_demo_patients()

        self.stdout.write(self.style.SUCCESS("Demo data is ready. Sign in at /accounts/login/"))
        self.stdout.write(f"Password for every demo account: {DEMO_PASSWORD}")
        for email, *_rest, clinic_slug, role in STAFF:
            self.stdout.write(f"  staff    {email:<28} {role} at {clinics[clinic_slug].name}")
            self.stdout.write(f"           authenticator secret (TOTP, base32): {secrets[email]}")
        for email, *_rest in PATIENTS:
            self.stdout.write(f"  patient  {email}")
