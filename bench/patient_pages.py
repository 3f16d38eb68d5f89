"""Patient pages against a bare view, side by side, under gunicorn with debug off.

Goal (the brief): under gunicorn with debug off, each patient page serves at least half the
requests per second of a bare view through the same middleware, measured side by side in
one run.

What it does, in order:

1. Uses PostgreSQL by default (DATABASE_URL, default
   postgres://postgres@127.0.0.1:5432/portal_bench): creates the database if it is missing,
   migrates it and loads the demo (`manage.py demo`, safe to repeat).
2. Runs with production settings from the environment: DJANGO_DEBUG=false, a fresh
   DJANGO_SECRET_KEY, DJANGO_ALLOWED_HOSTS=127.0.0.1 and DJANGO_SECURE_SSL_REDIRECT=false
   (plain HTTP on loopback). DJANGO_SETTINGS_MODULE=bench.settings adds the bare view at
   /bench/bare/ (bench/urls.py) and collects static files into a temporary STATIC_ROOT,
   since the manifest storage needs them when debug is off.
3. Tops up the demo patient's history (alex@patients.example) so every page has rows: four
   weeks of pain entries and sessions, all published articles, staff viewings of the record.
4. Starts gunicorn (sync workers) on a free loopback port, signs in through the real sign-in
   form and checks that every page answers 200 to that session.
5. Counts each page's queries once (Django's test client on the same database and session).
6. Measures requests per second with `wrk` if it is installed (`apt-get install wrk`), else
   with `bench/loadgen.py`, in a separate process: rounds that alternate the bare view and
   every page, each for a fixed time at a fixed concurrency.
7. Prints a table (page, queries, requests/s, ratio to bare, PASS/FAIL) and exits 1 if any
   page is below half the bare view, 2 if the benchmark itself could not run properly.

gunicorn is stopped and the temporary folder removed at the end, error or not.

    .venv/bin/python bench/patient_pages.py            # 6 rounds of 3 s per page
    .venv/bin/python bench/patient_pages.py --rounds 10 --seconds 5 --connections 4
"""

import argparse
import contextlib
import dataclasses
import http.client
import http.cookies
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
if str(BASE_DIR) not in sys.path:
    sys.path.insert(0, str(BASE_DIR))  # run as a script: `bench` and the apps importable

GOAL = 0.5  # each page at least half the bare view's requests per second
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/portal_bench"
LOOPBACK = "127.0.0.1"
PATIENT_EMAIL = "alex@patients.example"
PATIENT_PASSWORD = "demo-portal-2026"  # noqa: S105 - the published demo password
STAFF_EMAIL = "physio@riverside.example"
HISTORY_DAYS = 28  # the pain diary shows four weeks, the Today page's adherence too
STAFF_VIEWINGS = 30  # "who has looked at your record" on /my-data/
BARE = "bare view"

# wrk: count every response that is not a 200 (a redirect to sign-in would be fast and
# meaningless), and print the totals as one line of JSON.
WRK_SCRIPT = r"""
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) bad = 0 end
function response(status, headers, body) if status ~= 200 then bad = bad + 1 end end
function done(summary, latency, requests)
  local total_bad = 0
  for _, thread in ipairs(threads) do total_bad = total_bad + thread:get("bad") end
  local e = summary.errors
  io.write(string.format(
    '\nBENCH_JSON {"requests": %d, "seconds": %f, "bad": %d, "errors": %d}\n',
    summary.requests, summary.duration / 1e6, total_bad,
    e.connect + e.read + e.write + e.timeout))
end
"""


class BenchError(RuntimeError):
    """The benchmark could not measure what it set out to (not a failed goal)."""


@dataclasses.dataclass
class Target:
    name: str
    path: str
    queries: int | None = None
    requests: int = 0
    seconds: float = 0.0
    bad: int = 0
    errors: int = 0
    cpu_seconds: float | None = 0.0  # gunicorn workers' CPU; None if a worker was replaced
    rounds: list[float] = dataclasses.field(default_factory=list)

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    @property
    def cpu_ms(self) -> float | None:
        """Milliseconds of gunicorn worker CPU per request: much less moved than req/s by
        whatever else the machine is running, so it tells a slow page from a busy machine."""
        if self.cpu_seconds is None or not self.requests:
            return None
        return 1000 * self.cpu_seconds / self.requests


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=6, help="alternating rounds (default 6)")
    parser.add_argument("--seconds", type=float, default=3.0, help="per page per round (3)")
    parser.add_argument("--warmup", type=float, default=1.0, help="seconds per page, not counted")
    parser.add_argument("--connections", type=int, default=4, help="concurrent connections")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn sync workers")
    parser.add_argument("--loadgen", choices=["auto", "wrk", "python"], default="auto")
    parser.add_argument(
        "--port", type=int, default=0, help="gunicorn's loopback port (default: a free one)"
    )
    args = parser.parse_args()
    for name in ("rounds", "connections", "workers"):
        if getattr(args, name) < 1:
            parser.error(f"--{name} must be at least 1")
    if args.seconds <= 0 or args.warmup < 0:
        parser.error("--seconds must be positive and --warmup not negative")
    loadgen = args.loadgen
    if loadgen == "auto":
        loadgen = "wrk" if shutil.which("wrk") else "python"
    elif loadgen == "wrk" and not shutil.which("wrk"):
        parser.error("wrk is not installed (apt-get install -y wrk)")

    # SIGTERM (e.g. a CI timeout) unwinds through the `finally` below like Ctrl-C does.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(2))
    tmp = Path(tempfile.mkdtemp(prefix="bench-patient-pages-"))
    server = None
    try:
        env = prepare_demo(static_root=tmp / "static")
        add_history()
        targets = find_targets()
        close_django_connections()

        port = args.port or free_port()
        server = start_gunicorn(port, env, workers=args.workers, log=tmp / "gunicorn.log")
        session_cookie = sign_in(port)
        check_pages(port, targets, session_cookie)
        count_queries(targets, session_cookie)

        cookie_header = f"Cookie: {session_cookie}"
        script = tmp / "count.lua"
        script.write_text(WRK_SCRIPT)

        def run(target, seconds):
            if loadgen == "wrk":
                return run_wrk(port, target.path, cookie_header, seconds, args.connections, script)
            return run_python(port, target.path, cookie_header, seconds, args.connections)

        print(
            f"\nLoad: {loadgen}, {args.connections} connections, gunicorn {args.workers} sync "
            f"workers on {LOOPBACK}:{port}; {args.rounds} rounds x {args.seconds:g} s per page, "
            f"after {args.warmup:g} s of warm-up each."
        )
        print(f"Load average before: {load_average()} ({os.cpu_count()} cores)")
        if busy():
            print(
                "  WARNING: the machine is already busy: req/s will be noisy (see the rounds "
                "column); cpu ms/req is the steadier figure. Rerun when it is quiet."
            )
        if args.warmup:
            for target in targets:
                run(target, args.warmup)
        workers = worker_pids(server.pid)
        for number in range(args.rounds):
            # Alternate the order every round, so that no page always runs right after another.
            order = targets if number % 2 == 0 else list(reversed(targets))
            for target in order:
                cpu_before = cpu_seconds(workers)
                result = run(target, args.seconds)
                cpu_after = cpu_seconds(workers)
                if cpu_before is None or cpu_after is None or worker_pids(server.pid) != workers:
                    target.cpu_seconds = None
                elif target.cpu_seconds is not None:
                    target.cpu_seconds += cpu_after - cpu_before
                target.requests += result["requests"]
                target.seconds += result["seconds"]
                target.bad += result["bad"]
                target.errors += result["errors"]
                target.rounds.append(result["requests"] / result["seconds"])
            print(
                f"  round {number + 1}: "
                + ", ".join(f"{t.name} {t.rounds[-1]:.0f}/s" for t in targets)
            )
        server_alive(server, tmp / "gunicorn.log")
        print(f"Load average after: {load_average()}")
        return report(targets)
    except BenchError as error:
        print(f"\nBENCHMARK ERROR: {error}", file=sys.stderr)
        return 2
    finally:
        if server is not None:
            stop_gunicorn(server)
        shutil.rmtree(tmp, ignore_errors=True)


# --- Environment and database ---------------------------------------------------------------


def bench_environment(*, static_root: Path) -> dict[str, str]:
    """The variables a production server would have, for loopback and plain HTTP."""
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="bench.settings",
        DATABASE_URL=os.environ.get("DATABASE_URL") or DEFAULT_DATABASE_URL,
        DJANGO_DEBUG="false",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS=LOOPBACK,
        DJANGO_SECURE_SSL_REDIRECT="false",
        BENCH_STATIC_ROOT=str(static_root),
        PYTHONPATH=os.pathsep.join(filter(None, [str(BASE_DIR), os.environ.get("PYTHONPATH")])),
    )
    return env


def prepare_demo(*, static_root: Path) -> dict[str, str]:
    """The production environment, in this process too (its own Django: history, query
    counts), and the demo database migrated, loaded and its static files collected."""
    env = bench_environment(static_root=static_root)
    os.environ.update(env)
    print(f"Database: {redact(env['DATABASE_URL'])}")
    ensure_database(env["DATABASE_URL"])
    for command in (["migrate", "--noinput"], ["demo"], ["collectstatic", "--noinput"]):
        manage(command, env)

    import django

    django.setup()
    return env


def redact(url: str) -> str:
    parts = urllib.parse.urlsplit(url)
    if parts.password:
        netloc = parts.netloc.replace(f":{parts.password}@", ":***@")
        return urllib.parse.urlunsplit(parts._replace(netloc=netloc))
    return url


def ensure_database(url: str) -> None:
    """Create the PostgreSQL database if it does not exist (other databases: nothing to do)."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("postgres", "postgresql", "pgsql"):
        return
    import psycopg
    from psycopg import sql

    name = urllib.parse.unquote(parts.path.lstrip("/"))
    try:
        with psycopg.connect(
            host=parts.hostname or LOOPBACK,
            port=parts.port or 5432,
            user=urllib.parse.unquote(parts.username or "postgres"),
            password=urllib.parse.unquote(parts.password or "") or None,
            dbname="postgres",
            autocommit=True,
        ) as conn:
            exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
            if not exists:
                conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
                print(f"Created database {name}")
    except psycopg.OperationalError as error:
        raise BenchError(f"cannot reach PostgreSQL at {redact(url)}: {error}") from error


def manage(command: list[str], env: dict[str, str]) -> None:
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "manage.py", *command],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise BenchError(f"manage.py {' '.join(command)} failed:\n{result.stdout}\n{result.stderr}")
    print(f"manage.py {' '.join(command)}: ok ({time.perf_counter() - started:.1f} s)")


def close_django_connections() -> None:
    from django.db import connections

    connections.close_all()


# --- Data -----------------------------------------------------------------------------------


def add_history() -> None:
    """Four weeks of a committed patient's history, relative to today; safe to run again.

    The demo tells its story once, relative to the day it first ran; this keeps the pages
    full whatever day the benchmark runs: two pain entries a day, five sessions a week, every
    published article assigned, and staff viewings of the record.
    """
    import datetime as dt
    import uuid

    from django.db import transaction
    from django.test import RequestFactory
    from django.utils import timezone

    from clinic.audit import record_access, staff_views_of
    from clinic.models import User
    from education.models import Article
    from patients import services
    from patients.models import PainEntry, Patient, Plan

    namespace = uuid.UUID("0b6c3f7e-1d2a-4c5b-8e9f-6e6368000001")  # stable: same rows each run
    patient = Patient.objects.select_related("clinic", "user").get(user__email=PATIENT_EMAIL)
    staff = User.objects.get(email=STAFF_EMAIL)
    clinic = patient.clinic
    today = clinic.today()
    added = {"pain entries": 0, "sessions": 0, "articles": 0, "staff viewings": 0}
    with transaction.atomic():
        for days_ago in range(HISTORY_DAYS, 0, -1):
            day = today - dt.timedelta(days=days_ago)
            for hour, context in ((8, PainEntry.Context.MORNING), (18, PainEntry.Context.AFTER)):
                at = timezone.make_aware(dt.datetime.combine(day, dt.time(hour)), clinic.zone)
                _entry, created = PainEntry.objects.get_or_create(
                    submission_id=uuid.uuid5(namespace, f"{patient.pk}-{day}-{hour}"),
                    defaults={
                        "patient": patient,
                        "score": 2 + (days_ago * 7 + hour) % 5,
                        "recorded_at": at,
                        "context": context,
                        "location": PainEntry.Location.KNEECAP,
                        "knee": PainEntry.Knee.RIGHT,
                        "note": "Stairs were fine today." if days_ago % 4 == 0 else "",
                    },
                )
                added["pain entries"] += created
            if days_ago % 7 in (0, 3):
                continue  # five sessions a week
            for plan in Plan.objects.owned_by(patient).active():
                if plan.start_date <= day:
                    _session, created = services.log_session(patient=patient, plan=plan, date=day)
                    added["sessions"] += created
        published = Article.objects.filter(status=Article.Status.PUBLISHED)
        added["articles"] = len(
            services.assign_articles(patient=patient, articles=published, assigned_by=staff)
        )
        request = RequestFactory().get("/admin/", REMOTE_ADDR=LOOPBACK)
        request.user = staff
        for _ in range(STAFF_VIEWINGS - staff_views_of(patient).count()):
            record_access(request, patient, what="view")
            added["staff viewings"] += 1
    print("History: " + ", ".join(f"{count} {what} added" for what, count in added.items()))


def find_targets() -> list[Target]:
    from patients.models import ArticleAssignment, Patient, Plan

    patient = Patient.objects.get(user__email=PATIENT_EMAIL)
    plan = Plan.objects.owned_by(patient).active().order_by("start_date", "created_at").first()
    if plan is None:
        raise BenchError(f"{PATIENT_EMAIL} has no active plan: is the demo loaded?")
    item = plan.items.order_by("position").first()
    assignment = ArticleAssignment.objects.for_patient(patient).order_by("article__title").first()
    if item is None or assignment is None:
        raise BenchError(f"{PATIENT_EMAIL} needs a plan with exercises and an article")
    return [
        Target(BARE, "/bench/bare/"),
        Target("today", "/"),
        Target("plans", "/plans/"),
        Target("plan", f"/plans/{plan.pk}/"),
        Target("plan exercise", f"/plans/{plan.pk}/exercises/{item.pk}/"),
        Target("articles", "/articles/"),
        Target("article", f"/articles/{assignment.pk}/"),
        Target("pain diary", "/pain/"),
        Target("my data", "/my-data/"),
        Target("progress", "/measures/"),
        Target("reminders", "/reminders/"),
    ]


# --- The server -----------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((LOOPBACK, 0))
        return sock.getsockname()[1]


def start_gunicorn(port: int, env: dict[str, str], *, workers: int, log: Path):
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "clinic.wsgi",
        "--bind",
        f"{LOOPBACK}:{port}",
        "--workers",
        str(workers),
        "--worker-class",
        "sync",
        "--env",
        "DJANGO_SETTINGS_MODULE=bench.settings",
        "--chdir",
        str(BASE_DIR),
        "--error-logfile",
        str(log),
        "--graceful-timeout",
        "5",
    ]
    server = subprocess.Popen(command, cwd=BASE_DIR, env=env)  # noqa: S603
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        server_alive(server, log)
        with contextlib.suppress(OSError, http.client.HTTPException):
            status, _headers, _body = fetch(port, "GET", "/healthz")
            if status == 200:
                return server
        time.sleep(0.2)
    stop_gunicorn(server)
    raise BenchError(f"gunicorn did not answer /healthz within 60 s:\n{tail(log)}")


def server_alive(server, log: Path) -> None:
    if server.poll() is not None:
        raise BenchError(f"gunicorn exited with code {server.returncode}:\n{tail(log)}")


def stop_gunicorn(server) -> None:
    """SIGTERM to the master we started (it stops its workers), SIGKILL if it hangs."""
    if server.poll() is None:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=5)


def worker_pids(master: int) -> frozenset[int]:
    """gunicorn's workers: the master's children (Linux /proc; empty elsewhere)."""
    try:
        children = Path(f"/proc/{master}/task/{master}/children").read_text()
    except OSError:
        return frozenset()
    return frozenset(int(pid) for pid in children.split())


def cpu_seconds(pids: frozenset[int]) -> float | None:
    """User and system CPU the processes have used so far, or None if it cannot be read."""
    if not pids:
        return None
    ticks = 0
    try:
        for pid in pids:
            fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
            ticks += int(fields[11]) + int(fields[12])  # utime, stime
    except (OSError, IndexError, ValueError):
        return None
    return ticks / os.sysconf("SC_CLK_TCK")


def busy() -> bool:
    """More runnable processes than cores over the last minute, before we add any."""
    try:
        return os.getloadavg()[0] > (os.cpu_count() or 1)
    except OSError:
        return False


def load_average() -> str:
    try:
        return " ".join(f"{value:.2f}" for value in os.getloadavg())
    except OSError:
        return "unknown"


def tail(path: Path, lines: int = 30) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no log)"


# --- HTTP -----------------------------------------------------------------------------------


def fetch(port: int, method: str, path: str, headers=None, body=None):
    conn = http.client.HTTPConnection(LOOPBACK, port, timeout=30)
    try:
        conn.request(method, path, body=body, headers={"Host": LOOPBACK, **(headers or {})})
        response = conn.getresponse()
        return response.status, response.headers, response.read()
    finally:
        conn.close()


def set_cookies(headers) -> dict[str, str]:
    jar = http.cookies.SimpleCookie()
    for header in headers.get_all("Set-Cookie") or []:
        jar.load(header)
    return {name: morsel.value for name, morsel in jar.items()}


def sign_in(port: int) -> str:
    """Sign in through the real form (CSRF, axes, Argon2): the Cookie header a browser sends.

    Both cookies, as a browser keeps them: the session, and the CSRF cookie that sign-in
    rotates. Without the latter every page with a form would mint a new CSRF secret and
    set a cookie, which a browser never makes it do twice.
    """
    from django.conf import settings

    status, headers, body = fetch(port, "GET", "/accounts/login/")
    cookies = set_cookies(headers)
    match = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body)
    csrf_name = settings.CSRF_COOKIE_NAME
    if status != 200 or match is None or csrf_name not in cookies:
        raise BenchError(f"the sign-in page answered {status} without a CSRF token")
    form = urllib.parse.urlencode(
        {
            "csrfmiddlewaretoken": match.group(1).decode(),
            "username": PATIENT_EMAIL,
            "password": PATIENT_PASSWORD,
        }
    )
    status, headers, _body = fetch(
        port,
        "POST",
        "/accounts/login/",
        headers={
            "Cookie": f"{csrf_name}={cookies[csrf_name]}",
            "Content-Type": "application/x-www-form-urlencoded",
        },
        body=form,
    )
    cookies.update(set_cookies(headers))
    if status != 302 or settings.SESSION_COOKIE_NAME not in cookies:
        raise BenchError(f"signing in as {PATIENT_EMAIL} answered {status}, not a redirect")
    print(f"Signed in as {PATIENT_EMAIL} through the sign-in form")
    return "; ".join(f"{name}={value}" for name, value in cookies.items())


def check_pages(port: int, targets: list[Target], cookie: str) -> None:
    """Every page must answer 200 to the session: a redirect would be fast and meaningless,
    and so would a page that mints a new CSRF secret on every request.

    The first view also does the one-off writes (plan and article read receipts), so the
    timed runs measure the steady state a patient returning to a page sees.
    """
    from django.conf import settings

    for target in targets:
        status, headers, _body = fetch(port, "GET", target.path, {"Cookie": cookie})
        if status != 200:
            where = headers.get("Location", "")
            raise BenchError(f"{target.path} answered {status} {where}".strip())
        # Django sends the CSRF cookie again with every page that uses it (to renew its
        # expiry); a different value would mean the sign-in's cookie was not accepted.
        sent = dict(pair.split("=", 1) for pair in cookie.split("; "))
        csrf = set_cookies(headers).get(settings.CSRF_COOKIE_NAME)
        if csrf is not None and csrf != sent.get(settings.CSRF_COOKIE_NAME):
            raise BenchError(f"{target.path} set a new CSRF cookie: the sign-in's was not sent")


def count_queries(targets: list[Target], cookie: str) -> None:
    """Each page's queries, once, through Django's test client on the same session and DB."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST=LOOPBACK)
    for pair in cookie.split("; "):
        name, _, value = pair.partition("=")
        client.cookies[name] = value
    for target in targets:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(target.path)
        if response.status_code != 200:
            raise BenchError(f"test client: {target.path} answered {response.status_code}")
        target.queries = len(queries)
    close_django_connections()


# --- Load -----------------------------------------------------------------------------------


def run_wrk(port, path, header, seconds, connections, script) -> dict:
    command = [
        "wrk",
        "--threads",
        "1",
        "--connections",
        str(connections),
        "--duration",
        f"{max(1, round(seconds))}s",
        "--timeout",
        "30s",
        "--script",
        str(script),
        "--header",
        header,
        f"http://{LOOPBACK}:{port}{path}",
    ]
    result = subprocess.run(command, capture_output=True, text=True, check=False, timeout=600)
    return parse_result(result, "wrk")


def run_python(port, path, header, seconds, connections) -> dict:
    command = [
        sys.executable,
        "-m",
        "bench.loadgen",
        "--port",
        str(port),
        "--path",
        path,
        "--seconds",
        str(seconds),
        "--connections",
        str(connections),
        "--header",
        header,
    ]
    result = subprocess.run(
        command, cwd=BASE_DIR, capture_output=True, text=True, check=False, timeout=600
    )
    return parse_result(result, "bench.loadgen")


def parse_result(result, tool: str) -> dict:
    for line in result.stdout.splitlines():
        line = line.removeprefix("BENCH_JSON ")
        if line.startswith("{"):
            data = json.loads(line)
            if data["requests"] == 0 or data["seconds"] <= 0:
                raise BenchError(f"{tool} made no request:\n{result.stdout}{result.stderr}")
            return data
    raise BenchError(f"{tool} failed ({result.returncode}):\n{result.stdout}{result.stderr}")


# --- Report ---------------------------------------------------------------------------------


def report(targets: list[Target]) -> int:
    bare = targets[0]
    print()
    print(
        f"{'page':<14} {'queries':>7} {'req/s':>8} {'ratio':>6} {'rounds':>11} "
        f"{'cpu ms/req':>10} {'cpu ratio':>9}  result   path"
    )
    failed = []
    for target in targets:
        ratio = target.rps / bare.rps
        # The same ratio round by round (each page against the bare view of its own round):
        # a wide range means the machine's other load moved during the run.
        per_round = [page / floor for page, floor in zip(target.rounds, bare.rounds, strict=True)]
        spread = f"{min(per_round):.2f}-{max(per_round):.2f}"
        cpu = f"{target.cpu_ms:.2f}" if target.cpu_ms is not None else "-"
        cpu_ratio = f"{bare.cpu_ms / target.cpu_ms:.2f}" if target.cpu_ms and bare.cpu_ms else "-"
        if target is bare:
            verdict = "(floor)"
        elif ratio >= GOAL:
            verdict = "PASS"
        else:
            verdict = "FAIL"
            failed.append(target.name)
        print(
            f"{target.name:<14} {target.queries:>7} {target.rps:>8.1f} {ratio:>6.2f} "
            f"{spread:>11} {cpu:>10} {cpu_ratio:>9}  {verdict:<7}  {target.path}"
        )
    broken = [t for t in targets if t.bad or t.errors]
    for target in broken:
        print(f"{target.name}: {target.bad} non-200 responses, {target.errors} socket errors")
    print(
        f"\nGoal: every page at least {GOAL:.0%} of the bare view's requests per second, "
        f"through the same middleware (bare: {bare.rps:.1f}/s; its {bare.queries} queries are "
        "the middleware's: session and user).\n"
        "ratio: the page's req/s over the bare view's, over the whole run; rounds: the lowest "
        "and highest ratio in a single round; cpu ms/req: gunicorn worker CPU per request;\n"
        "cpu ratio: the bare view's cpu ms/req over the page's, what ratio would tend to on an "
        "otherwise idle machine (database CPU aside). The verdict is on ratio."
    )
    if broken:
        print("RESULT: ERROR - some responses were not 200; the numbers mean nothing.")
        return 2
    if failed:
        print(f"RESULT: FAIL - below {GOAL:.0%} of the bare view: {', '.join(failed)}")
        return 1
    print(f"RESULT: PASS - every page is at least {GOAL:.0%} of the bare view.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
