"""Every page at a clinic group's year of data, against Today on the demo data.

Goal (issue 13): on a world of 20 clinics, 20,000 patients, 2,000,000 pain entries and
1,200,000 audit-trail rows, with a year of history for alex@patients.example, every
patient page and every admin page a clinician or manager uses answers within 3x the median
of Today on the demo data, measured in the same run, with a fixed number of queries.

What it does:

1. Two PostgreSQL databases: the demo (`portal_bench`, as bench/patient_pages.py makes it)
   and the world (`portal_scale`). The world is the demo plus bulk-inserted clinics,
   patients, plans, pain entries, sessions, alerts, assignments, access records and change
   entries (COPY: a few minutes), then ANALYZE. It is dumped to `bench/.cache/` (pg_dump)
   and restored from there next time, as long as the migrations and this builder are
   unchanged (`--rebuild` builds it again).
2. Two gunicorns with debug off (2 sync workers each), one per database, with the same
   production-like settings as bench/patient_pages.py.
3. Signs in as alex through the sign-in form on both; staff sessions (a clinician and a
   manager of Riverside, second factor done) are opened directly in the session store.
4. Times each page one request at a time (`--requests` each, after two of warm-up) and
   prints its median, its ratio to Today on the demo data, and its queries (counted once
   with Django's test client on the world's database).
5. For every page over its goal, runs EXPLAIN ANALYZE on its slowest statement.

    .venv/bin/python bench/scale.py                 # build or restore, then measure
    .venv/bin/python bench/scale.py --requests 30   # more requests per page
    .venv/bin/python bench/scale.py --rebuild       # build the world again

Exit 0: every page within its goal; 1: some page over; 2: the benchmark could not measure.
"""

import argparse
import hashlib
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
if str(BASE_DIR) not in sys.path:
    sys.path.insert(0, str(BASE_DIR))

from bench.patient_pages import (  # noqa: E402 - after the path is set
    LOOPBACK,
    PATIENT_EMAIL,
    STAFF_EMAIL,
    BenchError,
    bench_environment,
    ensure_database,
    fetch,
    free_port,
    manage,
    redact,
    sign_in,
    start_gunicorn,
    stop_gunicorn,
)

GOAL = 3.0  # each page within 3x Today's median on the demo data
DEMO_URL = "postgres://postgres@127.0.0.1:5432/portal_bench"
WORLD_URL = "postgres://postgres@127.0.0.1:5432/portal_scale"
CACHE = BASE_DIR / "bench" / ".cache"
BUILDER_VERSION = "1"  # bump when the world's shape changes: the cached dump is rebuilt

CLINICS = 20
PATIENTS_PER_CLINIC = 1000
PAIN_PER_PATIENT = 100
SESSIONS_PER_PATIENT = 30
ACCESS_RECORDS = 1_000_000
CHANGE_ENTRIES = 200_000
MANAGER_EMAIL = "manager@riverside.example"


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1].startswith("_"):
        return inner(sys.argv[1], sys.argv[2:])
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=15, help="timed requests per page")
    parser.add_argument("--rebuild", action="store_true", help="build the world again")
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(2))
    tmp = Path(tempfile.mkdtemp(prefix="bench-scale-"))
    servers = []
    try:
        demo = bench_environment(static_root=tmp / "static")
        demo["DATABASE_URL"] = os.environ.get("BENCH_DEMO_URL", DEMO_URL)
        world = {**demo, "DATABASE_URL": os.environ.get("BENCH_WORLD_URL", WORLD_URL)}
        print(f"Demo database: {redact(demo['DATABASE_URL'])}")
        ensure_database(demo["DATABASE_URL"])
        for command in (["migrate", "--noinput"], ["demo"], ["collectstatic", "--noinput"]):
            manage(command, demo)
        run_inner("_demo_history", demo)
        prepare_world(world, rebuild=args.rebuild)

        demo_port, world_port = free_port(), free_port()
        servers.append(start_gunicorn(demo_port, demo, workers=2, log=tmp / "demo.log"))
        servers.append(start_gunicorn(world_port, world, workers=2, log=tmp / "world.log"))
        os.environ.update(demo)  # sign_in reads the cookie names from Django's settings
        import django

        django.setup()
        demo_cookie = sign_in(demo_port)
        patient_cookie = sign_in(world_port)
        staff = json.loads(run_inner("_staff_sessions", world))
        pages = json.loads(run_inner("_pages", world))
        cookies = {"patient": patient_cookie, **staff}

        # The yardstick: Today on the demo data, rendered in full (a cached visit costs a
        # fraction of it; both are printed).
        cached_today = timed(demo_port, "/", demo_cookie, args.requests)
        baseline = timed(demo_port, "/", demo_cookie, args.requests, rendered=True)
        print(
            f"\nToday on the demo data: median {baseline:.1f} ms rendered,"
            f" {cached_today:.1f} ms from its cached fragment\n"
        )
        results = []
        for page in pages:
            cookie = cookies[page["who"]]
            status = fetch(world_port, "GET", page["path"], {"Cookie": cookie})[0]
            if status != 200:
                raise BenchError(f"{page['name']}: {page['path']} answered {status}")
            # Patient pages rendered in full: the first visit after a change, the slow case.
            rendered = page["who"] == "patient"
            page["ms"] = timed(world_port, page["path"], cookie, args.requests, rendered=rendered)
            if rendered:
                page["cached_ms"] = timed(world_port, page["path"], cookie, args.requests)
            page["ratio"] = page["ms"] / baseline
            results.append(page)
            print(f"  {page['name']:<34} {page['ms']:8.1f} ms  {page['ratio']:5.2f}x")
        again = timed(demo_port, "/", demo_cookie, args.requests, rendered=True)
        print(f"\nToday on the demo data again: median {again:.1f} ms rendered")

        counts = json.loads(run_inner("_count", world, json.dumps(pages)))
        over = [page for page in results if page["ratio"] > GOAL]
        report(results, counts, baseline)
        for page in over:
            print(f"\nEXPLAIN ANALYZE of the slowest statement of {page['name']}:")
            print(run_inner("_explain", world, json.dumps(page)))
        if over:
            print(f"RESULT: OVER GOAL - {', '.join(page['name'] for page in over)}")
            return 1
        print(f"RESULT: PASS - every page within {GOAL:g}x Today on the demo data.")
        return 0
    except BenchError as error:
        print(f"\nBENCHMARK ERROR: {error}", file=sys.stderr)
        return 2
    finally:
        for server in servers:
            stop_gunicorn(server)
        shutil.rmtree(tmp, ignore_errors=True)


def timed(port: int, path: str, cookie: str, requests: int, *, rendered=False) -> float:
    """Median milliseconds of `requests` sequential GETs, after two not counted.

    `rendered`: each request with a CSRF secret of its own, which is part of the key of
    the patient pages' cached fragments: every request then renders the page in full, as
    the first visit after a change does.
    """
    times = []
    for number in range(requests + 2):
        if rendered:
            cookie = fresh_csrf(cookie)
        started = time.perf_counter()
        status, _headers, _body = fetch(port, "GET", path, {"Cookie": cookie})
        if status != 200:
            raise BenchError(f"{path} answered {status}")
        if number >= 2:
            times.append(1000 * (time.perf_counter() - started))
    return statistics.median(times)


def fresh_csrf(cookie: str) -> str:
    from django.conf import settings
    from django.utils.crypto import get_random_string

    pairs = [pair for pair in cookie.split("; ") if not pair.startswith(settings.CSRF_COOKIE_NAME)]
    return "; ".join([*pairs, f"{settings.CSRF_COOKIE_NAME}={get_random_string(32)}"])


def report(results, counts, baseline) -> None:
    print(f"\n{'page':<34} {'ms':>8} {'x Today':>8} {'cached':>8} {'queries':>8}  result")
    for page in results:
        verdict = "ok" if page["ratio"] <= GOAL else "OVER GOAL"
        queries = counts.get(page["name"], "-")
        cached = f"{page['cached_ms']:.1f}" if "cached_ms" in page else "-"
        print(
            f"{page['name']:<34} {page['ms']:8.1f} {page['ratio']:8.2f} {cached:>8}"
            f" {queries:>8}  {verdict}"
        )
    print(
        f"\nGoal: every page within {GOAL:g}x Today on the demo data, rendered ({baseline:.1f} ms)."
        "\nms: patient pages rendered in full (the first visit after a change); cached: the"
        " same page from its fragment. queries: a rendered visit's."
    )


# --- The world --------------------------------------------------------------------------------


def world_key() -> str:
    digest = hashlib.sha256(BUILDER_VERSION.encode())
    for path in sorted(BASE_DIR.glob("*/migrations/*.py")):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def prepare_world(env: dict, *, rebuild: bool) -> None:
    dump = CACHE / f"scale-{world_key()}.dump"
    url = env["DATABASE_URL"]
    recreate(url)
    if dump.exists() and not rebuild:
        started = time.perf_counter()
        pg(["pg_restore", "--no-owner", "--jobs", "2", "--dbname", url, str(dump)])
        print(f"World restored from {dump.name} ({time.perf_counter() - started:.0f} s)")
        return
    for command in (["migrate", "--noinput"], ["demo"]):
        manage(command, env)
    started = time.perf_counter()
    run_inner("_build", env)
    print(f"World built ({time.perf_counter() - started:.0f} s)")
    CACHE.mkdir(exist_ok=True)
    for old in CACHE.glob("scale-*.dump"):
        old.unlink()
    pg(["pg_dump", "--format", "custom", "--file", str(dump), url])
    print(f"World dumped to {dump.relative_to(BASE_DIR)}")


def recreate(url: str) -> None:
    import psycopg
    from psycopg import sql

    parts = urllib.parse.urlsplit(url)
    name = parts.path.lstrip("/")
    admin = parts._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def pg(command: list[str]) -> None:
    result = subprocess.run(command, capture_output=True, text=True, check=False)  # noqa: S603
    if result.returncode != 0:
        raise BenchError(f"{command[0]} failed:\n{result.stderr}")


def run_inner(step: str, env: dict, *args: str) -> str:
    """Run one step of this script in a process of its own, on `env`'s database."""
    result = subprocess.run(
        [sys.executable, str(Path(__file__)), step, *args],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=3600,
    )
    if result.returncode != 0:
        raise BenchError(f"{step} failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    sys.stderr.write(result.stderr[-2000:] if step == "_build" else "")
    return result.stdout


def inner(step: str, args: list[str]) -> int:
    import django

    django.setup()
    if step == "_demo_history":
        from bench.patient_pages import add_history

        add_history()
    elif step == "_build":
        build_world()
    elif step == "_staff_sessions":
        print(json.dumps(staff_sessions()))
    elif step == "_pages":
        print(json.dumps(world_pages()))
    elif step == "_count":
        print(json.dumps(count_queries(json.loads(args[0]))))
    elif step == "_explain":
        print(explain_slowest(json.loads(args[0])))
    return 0


def build_world() -> None:
    """The demo, grown to a clinic group's year, with COPY for the big tables."""
    import datetime as dt
    import random
    import uuid

    from django.contrib.contenttypes.models import ContentType
    from django.db import connection, transaction
    from django.utils import timezone

    from clinic.models import AccessRecord, Clinic, User
    from clinic.roles import CLINICIAN, MANAGER
    from clinic.services import set_staff_role
    from education.models import ProgrammeTemplate
    from patients import services
    from patients.models import PainEntry, Patient, Plan

    rng = random.Random(13)
    now = timezone.now()
    template = ProgrammeTemplate.objects.get(slug="knee-settle-phase-1")
    doses = [(item.exercise_id, item.dose) for item in template.items.order_by("position")]
    riverside = Clinic.objects.get(slug="riverside")

    with transaction.atomic():
        clinics = list(Clinic.objects.order_by("pk"))
        for number in range(len(clinics) + 1, CLINICS + 1):
            clinics.append(
                Clinic.objects.create(name=f"Clinic {number:02}", slug=f"clinic-{number:02}")
            )
        clinicians = {}
        for clinic in clinics:
            email = f"physio@{clinic.slug}.example"
            user = User.objects.filter(
                staff_membership__clinic=clinic, staff_membership__role=CLINICIAN
            ).first()
            if user is None:
                user = User.objects.create_user(
                    email=email, first_name="Physio", last_name=clinic.name
                )
                set_staff_role(user=user, clinic=clinic, role=CLINICIAN)
            clinicians[clinic.pk] = user
        # The demo's own manager of Riverside, where the demo has one.
        manager = User.objects.filter(email=MANAGER_EMAIL).first() or User.objects.create_user(
            email=MANAGER_EMAIL, first_name="Mona", last_name="Manager"
        )
        set_staff_role(user=manager, clinic=riverside, role=MANAGER)

    patients, plans = [], []
    for clinic in clinics:
        have = Patient.objects.filter(clinic=clinic).count()
        for n in range(PATIENTS_PER_CLINIC - have):
            user_id = None  # set after the users are copied
            pid = uuid.uuid4()
            start = (now - dt.timedelta(days=rng.randint(10, 120))).date()
            patients.append((pid, clinic.pk, f"p{clinic.pk}-{n}@world.example", user_id, start))
    with connection.cursor() as cursor:
        with cursor.copy(
            "COPY clinic_user (password, is_superuser, email, first_name, last_name, language,"
            " is_staff, is_active, date_joined) FROM STDIN"
        ) as copy:
            for _pid, _clinic_id, email, _user, _start in patients:
                copy.write_row(
                    ("!", False, email, "Pat", f"Ient{email[1:6]}", "en", False, True, now)
                )
        cursor.execute("SELECT email, id FROM clinic_user WHERE email LIKE '%%@world.example'")
        user_ids = dict(cursor.fetchall())
        with cursor.copy(
            "COPY patients_patient (id, user_id, clinic_id, clinician_id, affected_side, phone,"
            " phone_other, contact_time, staff_notes, is_active, created_at, active_plan_title,"
            " open_alerts, version) FROM STDIN"
        ) as copy:
            for pid, clinic_id, email, _user, _start in patients:
                copy.write_row(
                    (
                        pid,
                        user_ids[email],
                        clinic_id,
                        clinicians[clinic_id].pk,
                        "right",
                        "",
                        "",
                        "",
                        "",
                        True,
                        now,
                        "",
                        0,
                        0,
                    )
                )
        with cursor.copy(
            "COPY patients_plan (id, patient_id, template_id, title, start_date, review_date,"
            " status, message, version, seen_version, created_by_id, created_at, updated_at)"
            " FROM STDIN"
        ) as copy:
            for pid, clinic_id, _email, _user, start in patients:
                plan_id = uuid.uuid4()
                plans.append((plan_id, pid, clinic_id, start))
                copy.write_row(
                    (
                        plan_id,
                        pid,
                        template.pk,
                        template.name,
                        start,
                        start + dt.timedelta(days=28),
                        "active",
                        "",
                        1,
                        1,
                        clinicians[clinic_id].pk,
                        now,
                        now,
                    )
                )
        with cursor.copy(
            "COPY patients_planitem (id, plan_id, exercise_id, position, note, show_variants,"
            " sets, reps, hold_seconds, rest_seconds, times_per_day, days_per_week, side)"
            " FROM STDIN"
        ) as copy:
            for plan_id, _pid, _clinic, _start in plans:
                for position, (exercise_id, dose) in enumerate(doses, start=1):
                    copy.write_row(
                        (
                            uuid.uuid4(),
                            plan_id,
                            exercise_id,
                            position,
                            "",
                            False,
                            dose.sets,
                            dose.reps,
                            dose.hold_seconds,
                            dose.rest_seconds,
                            dose.times_per_day,
                            dose.days_per_week,
                            dose.side,
                        )
                    )
        everyone = [(pid, clinic_id, start) for _plan, pid, clinic_id, start in plans]
        with cursor.copy(
            "COPY patients_painentry (id, patient_id, clinic_id, score, recorded_at, context,"
            " location, knee, note, cannot_bear_weight, swelling, locking_or_giving_way,"
            " fever_or_redness, worsening_pain, submission_id, created_at) FROM STDIN"
        ) as copy:
            for pid, clinic_id, _start in everyone:
                for _ in range(PAIN_PER_PATIENT):
                    at = now - dt.timedelta(minutes=rng.randint(60, 365 * 24 * 60))
                    copy.write_row(
                        (
                            uuid.uuid4(),
                            pid,
                            clinic_id,
                            rng.randint(0, 8),
                            at,
                            "after",
                            "kneecap",
                            "right",
                            "",
                            False,
                            False,
                            False,
                            False,
                            False,
                            uuid.uuid4(),
                            at,
                        )
                    )
        with cursor.copy(
            "COPY patients_sessionlog (id, patient_id, clinic_id, plan_id, date, effort, note,"
            " created_at) FROM STDIN"
        ) as copy:
            for plan_id, pid, clinic_id, _start in plans:
                days = sorted(rng.sample(range(0, 120), SESSIONS_PER_PATIENT))
                for days_ago in days:
                    day = now.date() - dt.timedelta(days=days_ago)
                    copy.write_row((uuid.uuid4(), pid, clinic_id, plan_id, day, "", "", now))
        # Alerts: one entry in a hundred, almost all acknowledged long ago.
        cursor.execute(
            "SELECT id, patient_id, clinic_id, created_at FROM patients_painentry"
            " WHERE patient_id IN (SELECT id FROM patients_patient WHERE user_id IN"
            " (SELECT id FROM clinic_user WHERE email LIKE '%%@world.example'))"
            " AND random() < 0.01"
        )
        alerting = cursor.fetchall()
        with cursor.copy(
            "COPY patients_alert (id, patient_id, clinic_id, pain_entry_id, warning_sign,"
            " high_score, rising, advice, created_at, acknowledged_by_id, acknowledged_at,"
            " outcome, note) FROM STDIN"
        ) as copy:
            for index, (entry_id, pid, clinic_id, at) in enumerate(alerting):
                open_ = index % 200 == 0
                copy.write_row(
                    (
                        uuid.uuid4(),
                        pid,
                        clinic_id,
                        entry_id,
                        index % 3 == 0,
                        True,
                        False,
                        "contact",
                        at,
                        None if open_ else clinicians[clinic_id].pk,
                        None if open_ else at + dt.timedelta(hours=2),
                        "" if open_ else "called",
                        "",
                    )
                )
        ctypes = {
            model: ContentType.objects.get_for_model(model).pk
            for model in (Patient, Plan, PainEntry)
        }
        staff_of = {clinic_id: clinicians[clinic_id] for clinic_id in clinicians}
        with cursor.copy(
            "COPY clinic_accessrecord (at, clinic_id, patient_id, actor_id, actor_email,"
            " actor_is_staff, action, content_type_id, object_pk, object_repr, remote_addr)"
            " FROM STDIN"
        ) as copy:
            for _ in range(ACCESS_RECORDS):
                pid, clinic_id, _start = everyone[rng.randrange(len(everyone))]
                actor = staff_of[clinic_id]
                at = now - dt.timedelta(minutes=rng.randint(1, 365 * 24 * 60))
                copy.write_row(
                    (
                        at,
                        clinic_id,
                        pid,
                        actor.pk,
                        actor.email,
                        True,
                        "view",
                        ctypes[Patient],
                        str(pid),
                        "Pat Ient",
                        "10.0.0.1",
                    )
                )
        with cursor.copy(
            "COPY auditlog_logentry (content_type_id, object_pk, object_id, object_repr,"
            " action, changes_text, changes, actor_id, actor_email, remote_addr, timestamp,"
            " additional_data, serialized_data) FROM STDIN"
        ) as copy:
            for _ in range(CHANGE_ENTRIES):
                pid, clinic_id, _start = everyone[rng.randrange(len(everyone))]
                at = now - dt.timedelta(minutes=rng.randint(1, 365 * 24 * 60))
                copy.write_row(
                    (
                        ctypes[Plan],
                        str(uuid.uuid4()),
                        None,
                        "A plan",
                        1,
                        "",
                        '{"status": ["active", "paused"]}',
                        clinicians[clinic_id].pk,
                        clinicians[clinic_id].email,
                        "10.0.0.1",
                        at,
                        json.dumps({"clinic": clinic_id, "patient": str(pid)}),
                        None,
                    )
                )

    alex_year(rng)
    services.refresh_patient_summaries(Patient.objects.all())
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    print(
        f"World: {Clinic.objects.count()} clinics, {Patient.objects.count()} patients,"
        f" {PainEntry.objects.count()} pain entries, {AccessRecord.objects.count()} access records"
    )


def alex_year(rng) -> None:
    """A year of alex: an earlier, completed plan with five sessions a week, two pain
    entries a day, and staff looking at the record every few days."""
    import datetime as dt
    import uuid

    from django.contrib.contenttypes.models import ContentType
    from django.utils import timezone

    from clinic.models import AccessRecord, User
    from education.models import ProgrammeTemplate
    from patients import services
    from patients.models import PainEntry, Patient, Plan, SessionLog

    alex = Patient.objects.select_related("clinic", "user").get(user__email=PATIENT_EMAIL)
    staff = User.objects.get(email=STAFF_EMAIL)
    today = alex.clinic.today()
    earlier = services.create_plan_from_template(
        patient=alex,
        template=ProgrammeTemplate.objects.get(slug="knee-settle-phase-1"),
        created_by=staff,
        start_date=today - dt.timedelta(days=365),
        assign_template_articles=False,
    )
    Plan.objects.filter(pk=earlier.pk).update(status=Plan.Status.COMPLETED)
    now = timezone.now()
    PainEntry.objects.bulk_create(
        PainEntry(
            patient=alex,
            clinic_id=alex.clinic_id,
            score=rng.randint(1, 6),
            recorded_at=now - dt.timedelta(days=days, hours=hour),
            context="after",
            location="kneecap",
            knee="right",
            submission_id=uuid.uuid4(),
        )
        for days in range(29, 365)
        for hour in (2, 12)
    )
    SessionLog.objects.bulk_create(
        SessionLog(
            patient=alex, clinic_id=alex.clinic_id, plan=earlier, date=today - dt.timedelta(days=d)
        )
        for d in range(29, 365)
        if d % 7 not in (0, 3)
    )
    # Staff looking at the record every few days of the year (written directly: the trail
    # refuses to have its times changed afterwards).
    AccessRecord.objects.bulk_create(
        AccessRecord(
            at=now - dt.timedelta(days=days, hours=3),
            clinic_id=alex.clinic_id,
            patient_id=alex.pk,
            actor=staff,
            actor_email=staff.email,
            actor_is_staff=True,
            action=AccessRecord.Action.VIEW,
            content_type=ContentType.objects.get_for_model(Patient),
            object_pk=str(alex.pk),
            object_repr=str(alex),
        )
        for days in range(0, 365, 3)
    )


# --- Probes on the world's database -------------------------------------------------------------


def staff_sessions() -> dict:
    """Session cookies of Riverside's clinician and manager, the second factor done."""
    from django.conf import settings
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from clinic.models import User
    from tests.conftest import PortalClient

    cookies = {}
    for who, email in (("clinician", STAFF_EMAIL), ("manager", MANAGER_EMAIL)):
        user = User.objects.get(email=email)
        TOTPDevice.objects.get_or_create(user=user, name="Bench", defaults={"confirmed": True})
        client = PortalClient()
        client.force_login(user, backend="clinic.backends.PortalBackend")
        cookies[who] = (
            f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"
        )
    return cookies


def world_pages() -> list[dict]:
    """Every patient page of alex and every admin page a clinician or manager uses."""
    from django.urls import reverse

    from patients.models import Alert, ArticleAssignment, PainEntry, Patient, Plan

    alex = Patient.objects.get(user__email=PATIENT_EMAIL)
    plan = Plan.objects.owned_by(alex).active().first()
    item = plan.items.order_by("position").first()
    assignment = ArticleAssignment.objects.for_patient(alex).first()
    alert = Alert.objects.filter(clinic=alex.clinic).order_by("-created_at").first()
    entry = PainEntry.objects.owned_by(alex).latest("recorded_at")
    admin = "/admin/patients"
    pages = [
        ("Today", "/"),
        ("My plans", "/plans/"),
        ("Plan", f"/plans/{plan.pk}/"),
        ("Plan exercise", f"/plans/{plan.pk}/exercises/{item.pk}/"),
        ("My articles", "/articles/"),
        ("Article", f"/articles/{assignment.pk}/"),
        ("Pain diary", "/pain/"),
        ("My data", "/my-data/"),
        ("My data JSON", "/my-data.json"),
        ("My data CSV", "/my-data.csv"),
        ("Pain entry saved", f"/pain/{entry.pk}/saved/"),
        ("Progress (outcome measures)", "/measures/"),
        ("FHIR bundle", "/measures/fhir.json"),
        ("Reminders", "/reminders/"),
        ("Plan handout", f"/plans/{plan.pk}/handout/"),
    ]
    staff_pages = [
        ("admin: index", "/admin/"),
        ("admin: patients", f"{admin}/patient/"),
        ("admin: patients by last pain", f"{admin}/patient/?o=6"),
        ("admin: patients with open alerts", f"{admin}/patient/?alerts=open"),
        ("admin: patients, search", f"{admin}/patient/?q=martin"),
        ("admin: a patient's record", f"{admin}/patient/{alex.pk}/change/"),
        ("admin: alerts", f"{admin}/alert/"),
        ("admin: all alerts", f"{admin}/alert/?status=all"),
        ("admin: an alert", f"{admin}/alert/{alert.pk}/change/"),
        ("admin: pain entries", f"{admin}/painentry/"),
        ("admin: pain entries, all", f"{admin}/painentry/?recent=all"),
        ("admin: session logs", f"{admin}/sessionlog/"),
        ("admin: plans", f"{admin}/plan/"),
        ("admin: article assignments", f"{admin}/articleassignment/"),
        ("admin: invitations", f"{admin}/invitation/"),
        ("admin: proposals", f"{admin}/phaseproposal/"),
        ("admin: outgoing messages", f"{admin}/outgoingmessage/"),
        ("admin: outcome responses", "/admin/outcomes/response/"),
        ("admin: measure schedules", "/admin/outcomes/measureschedule/"),
        ("admin: a patient's FHIR bundle", reverse("admin:outcomes_fhir_export", args=[alex.pk])),
        ("admin: exercises", "/admin/education/exercise/"),
        ("admin: articles", "/admin/education/article/"),
        ("admin: your emails", "/admin/my-emails/"),
    ]
    manager_pages = [
        ("admin: audit trail (changes)", "/admin/auditlog/logentry/"),
        ("admin: views, prints, exports", "/admin/clinic/accessrecord/"),
    ]
    return [
        *({"name": n, "path": p, "who": "patient"} for n, p in pages),
        *({"name": n, "path": p, "who": "clinician"} for n, p in staff_pages),
        *({"name": n, "path": p, "who": "manager"} for n, p in manager_pages),
    ]


def probe_client(who: str):
    from clinic.models import User
    from tests.conftest import PortalClient

    email = {"patient": PATIENT_EMAIL, "clinician": STAFF_EMAIL, "manager": MANAGER_EMAIL}[who]
    client = PortalClient(HTTP_HOST=LOOPBACK)
    client.force_login(User.objects.get(email=email), backend="clinic.backends.PortalBackend")
    return client


def fetched(client, path):
    response = client.get(path)
    if response.streaming:
        b"".join(response.streaming_content)
    return response


def count_queries(pages: list[dict]) -> dict:
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counts = {}
    for page in pages:
        client = probe_client(page["who"])
        fetched(client, page["path"])  # the one-off writes (read receipts) first
        cache.clear()  # a rendered visit's queries, not a cached one's
        with CaptureQueriesContext(connection) as queries:
            fetched(client, page["path"])
        counts[page["name"]] = len(queries)
    return counts


def explain_slowest(page: dict) -> str:
    from django.db import connection

    timings = []

    def timer(execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            timings.append((time.perf_counter() - started, sql, params))

    client = probe_client(page["who"])
    fetched(client, page["path"])
    with connection.execute_wrapper(timer):
        fetched(client, page["path"])
    seconds, sql, params = max(timings, key=lambda timing: timing[0])
    if not sql.lstrip().upper().startswith("SELECT"):
        return f"({seconds * 1000:.1f} ms, not a SELECT)\n{sql}"
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN ANALYZE {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    return f"{seconds * 1000:.1f} ms: {sql[:500]}\n{plan}"


if __name__ == "__main__":
    sys.exit(main())
