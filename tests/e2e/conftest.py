"""Real-browser tests: Playwright drives Debian's Chromium against Django's live server.

Chromium comes from Debian (`apt-get install chromium`), never from Playwright's own
download. Without it these tests are skipped on a laptop, and fail in CI (where CI is set).

Every page opened here is watched for content-security-policy violations (the console and
`securitypolicyviolation` events): a test that met one fails. `axe_violations(page, name)`
runs axe-core on a page: the tests fail on serious or critical findings; moderate and minor
ones are listed at the end of the run and written to screenshots/axe-findings.txt.

Each test gets fresh browser profiles (Playwright's contexts: no cookies, no storage) in one
Chromium per session, itself started on a temporary profile of its own.
"""

import datetime as dt
import json
import os
import re
import uuid
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.conf import settings as django_settings
from django.test import Client
from django.utils import timezone

from tests.conftest import PortalClient, make_pain_entry

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
MISSING_CHROMIUM = "Chromium not found: apt-get install chromium (see README)"

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "screenshots"
AXE_SOURCE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_FINDINGS = SCREENSHOTS / "axe-findings.txt"
# WCAG 2.0, 2.1 and 2.2 A and AA, and axe's best practices (landmarks, headings, regions).
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
BLOCKING_IMPACTS = {"serious", "critical"}

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}

# How long a step may wait for its condition (an element, a navigation, a download) before
# failing: generous, so that a loaded two-core machine is slow, never red. Nothing here
# waits a fixed time; a passing step goes on the moment its condition holds.
STEP_TIMEOUT = 30_000  # ms: clicks, fills, navigations
EXPECT_TIMEOUT = 20_000  # ms: expect(...) assertions (Playwright's own default is 5 s)
HEAVY_TIMEOUT = 90_000  # ms: a PDF download or a full-page screenshot

# Added to every page before its own scripts run (init scripts are not subject to the CSP).
CSP_RECORDER = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  const violation = {
    page: location.href,
    directive: event.violatedDirective,
    blocked: event.blockedURI,
    source: event.sourceFile,
    line: event.lineNumber,
    sample: event.sample,
  };
  window.__cspViolations.push(violation);
  if (window.__reportCspViolation) window.__reportCspViolation(violation);
});
"""
CSP_CONSOLE = re.compile(r"content[- ]security[- ]policy", re.IGNORECASE)

# moderate and minor axe findings of the whole run: {(page, rule): finding}
_axe_findings: dict[tuple[str, str], dict] = {}
_axe_pages: set[str] = set()


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """The browser tests run last, after pytest-django has ordered the rest.

    Their transactional database is emptied after each of them, and the browser keeps an
    event loop on the test thread until the session ends: neither may reach other tests.
    """
    items.sort(key=lambda item: item.get_closest_marker("e2e") is not None)


@pytest.fixture(scope="session")
def browser(django_db_setup):
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail(MISSING_CHROMIUM, pytrace=False)
        pytest.skip(MISSING_CHROMIUM)
    from django.db import connections
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=EXPECT_TIMEOUT)

    # Playwright's sync API keeps an asyncio loop marked as running on this thread while the
    # browser is open. The tests and pytest-django's flush are plain synchronous code on it:
    # Django's guard against ORM calls from async code is told so, and the thread keeps the
    # database connections the test database was set up with (asgiref would otherwise hand
    # "async" code fresh ones, without the serialized data transactional tests restore).
    wrappers = {alias: connections[alias] for alias in connections}
    with pytest.MonkeyPatch.context() as patch, sync_playwright() as playwright:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        for alias, wrapper in wrappers.items():
            connections[alias] = wrapper
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(autouse=True)
def _portal_url(settings, live_server):
    # Links in emails and on handouts point at the live server.
    settings.PORTAL_URL = live_server.url


@pytest.fixture
def csp_violations():
    """What the browser reported during the test; must be empty at its end."""
    violations = []
    yield violations
    assert violations == [], "Content-security-policy violations:\n" + "\n".join(
        json.dumps(v) for v in violations
    )


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.when == "call":
        item.e2e_failed = report.failed
    return report


@pytest.fixture
def new_context(request, browser, live_server, csp_violations):
    """new_context(viewport=PHONE, ...): a fresh browser profile (no cookies), CSP-watched.

    `for_axe=True` gives a profile for axe-core runs only: the page's CSP is bypassed there
    (axe's own checks insert styles the policy refuses) and nothing is watched. Every page a
    test checks with axe is also opened in a watched profile.
    """
    contexts = []

    def make(viewport=DESKTOP, *, for_axe=False, **options):
        context = browser.new_context(
            base_url=live_server.url,
            viewport=viewport,
            locale="en-CA",
            timezone_id="America/Toronto",
            bypass_csp=for_axe,
            **options,
        )
        context.set_default_timeout(STEP_TIMEOUT)
        if not for_axe:
            context.expose_binding(
                "__reportCspViolation",
                lambda _source, violation: csp_violations.append(violation),
            )
            context.add_init_script(CSP_RECORDER)
            context.on("page", lambda page: _watch_console(page, csp_violations))
        contexts.append(context)
        return context

    yield make
    for number, context in enumerate(contexts):
        if getattr(request.node, "e2e_failed", False):
            # What the browser showed when the test failed, for the person reading the log.
            for page_number, open_page in enumerate(context.pages):
                name = f"{request.node.name}-{number}-{page_number}.png"
                try:
                    open_page.screenshot(
                        path=SCREENSHOTS / "failures" / name,
                        full_page=True,
                        timeout=HEAVY_TIMEOUT,
                    )
                except Exception as error:  # a missing picture must not hide the failure
                    print(f"No failure screenshot {name}: {error}")
        context.close()


def _watch_console(page, violations):
    def on_console(message):
        if CSP_CONSOLE.search(message.text):
            violations.append({"page": page.url, "console": message.text})

    page.on("console", on_console)


@pytest.fixture
def page(new_context):
    """A page on a desktop-sized screen, in a fresh profile."""
    return new_context().new_page()


@pytest.fixture
def phone_page(new_context):
    """A page on a 390×844 phone screen, in a fresh profile."""
    return new_context(viewport=PHONE, is_mobile=True, has_touch=True).new_page()


@pytest.fixture
def ada(patient_a, plan_a, clinician_a):
    """Ada's record as her pages and her clinician's show it: the phase-1 plan and its two
    articles (one read), yesterday's session, two weeks of pain scores, and a warning sign
    reported an hour ago that her clinician has not seen yet."""
    from patients import services
    from patients.models import PainEntry

    today = patient_a.clinic.today()
    services.log_session(patient=patient_a, plan=plan_a, date=today - dt.timedelta(days=1))
    assignments = list(patient_a.article_assignments.order_by("article__title"))
    services.mark_article_read(assignments[0])
    now = timezone.now()
    scores = [5, 5, 4, 5, 4, 4, 3, 4, 3, 3, 3, 2, 3, 2]
    for days_ago, score in zip(range(len(scores), 0, -1), scores, strict=True):
        make_pain_entry(patient_a, score=score, at=now - dt.timedelta(days=days_ago))
    warning, _ = services.record_pain(
        patient=patient_a,
        submission_id=uuid.uuid4(),
        score=8,
        recorded_at=now - dt.timedelta(hours=1),
        context=PainEntry.Context.DURING,
        location=PainEntry.Location.KNEECAP,
        knee=PainEntry.Knee.RIGHT,
        locking_or_giving_way=True,
        note="It gave way on the stairs.",
    )
    return SimpleNamespace(
        patient=patient_a,
        plan=plan_a,
        item=plan_a.items.order_by("position").first(),
        assignment=assignments[0],
        warning=warning,
        alert=warning.alert,
    )


@pytest.fixture
def ada_follow_up(ada, clinician_a):
    """Ada's record with what issues 18 and 19 added: her plan asks for the PSFS every two
    weeks (answered three times before, the first marked as entered in error; due again
    today, so Today has its card), and the warning
    signs' teach-back answered wrongly once (the article shows why; Today, the check)."""
    from education.models import Article, ArticleQuestion
    from outcomes import services as outcomes
    from outcomes.models import Questionnaire, Response
    from patients import services, teach_back

    patient, plan = ada.patient, ada.plan
    psfs = Questionnaire.objects.get(code="psfs", clinic=None, version=1)
    schedule = outcomes.attach_measure(questionnaire=psfs, by=clinician_a, plan=plan, every_weeks=2)
    responses = []
    for weeks_ago, rating in ((6, 8), (4, 3), (2, 5)):
        responses.append(
            Response.objects.create(
                patient=patient,
                plan=plan,
                schedule=schedule,
                occasion=patient.clinic.today() - dt.timedelta(weeks=weeks_ago),
                questionnaire=psfs,
                language="en",
                answers={"activity_1": "Stairs", "rating_1": rating},
                score=rating,
                submitted_at=timezone.now() - dt.timedelta(weeks=weeks_ago),
            )
        )
    # The first, a slip, marked by her clinician: struck through on My progress.
    outcomes.mark_entered_in_error(response=responses[0], by=clinician_a)
    article = Article.objects.get(slug="warning-signs")
    [assignment] = services.assign_articles(patient=patient, articles=[article], assigned_by=None)
    questions = ArticleQuestion.objects.filter(article=article).with_choices()
    teach_back.answer(
        assignment=assignment,
        answers={
            question: next(c for c in question.choices.all() if not c.is_correct)
            for question in questions[:1]
        },
    )
    return SimpleNamespace(**vars(ada), schedule=schedule, check=assignment)


def sign_in_as(page, user, *, second_factor=True):
    """Open a signed-in session for `user` in this page's browser (staff: with the second
    factor done, unless `second_factor=False`).

    For pages under test that are not about signing in; the journeys sign in with the form.
    """
    client = PortalClient() if second_factor else Client()
    client.force_login(user)
    cookie = client.cookies[django_settings.SESSION_COOKIE_NAME]
    page.context.add_cookies(
        [{"name": cookie.key, "value": cookie.value, "url": django_settings.PORTAL_URL}]
    )


def axe_violations(page, name):
    """Run axe-core on the page as it is now (`name` labels it in reports); the page is in a
    `new_context(for_axe=True)` profile.

    Returns the serious and critical violations, as lines to read; moderate and minor ones
    are kept for the end-of-run list.
    """
    if not AXE_SOURCE.exists():
        pytest.fail("axe-core is missing: run npm ci (it is in package.json)", pytrace=False)
    page.evaluate(AXE_SOURCE.read_text())
    _axe_pages.add(name)
    results = page.evaluate(
        """async (tags) => {
          const results = await axe.run(document, {
            runOnly: {type: "tag", values: tags},
            resultTypes: ["violations"],
          });
          return results.violations.map((v) => ({
            id: v.id,
            impact: v.impact,
            help: v.help,
            nodes: v.nodes.map((n) => n.target.join(" ")),
          }));
        }""",
        AXE_TAGS,
    )
    blocking = []
    for finding in results:
        if finding["impact"] in BLOCKING_IMPACTS:
            nodes = ", ".join(finding["nodes"][:5])
            blocking.append(
                f"{name}: {finding['impact']} {finding['id']} ({finding['help']}) at {nodes}"
            )
        else:
            _axe_findings[(name, finding["id"])] = finding
    return blocking


def pytest_terminal_summary(terminalreporter):
    if not _axe_pages:
        return
    lines = [
        f"{finding['impact']}: {finding['id']} – {finding['help']} – {page} "
        f"({len(finding['nodes'])}: {', '.join(finding['nodes'][:3])})"
        for (page, _rule), finding in sorted(_axe_findings.items())
    ] or [f"none on the {len(_axe_pages)} pages checked"]
    terminalreporter.section("axe-core: moderate and minor findings")
    for line in lines:
        terminalreporter.write_line(line)
    SCREENSHOTS.mkdir(exist_ok=True)
    AXE_FINDINGS.write_text("\n".join(lines) + "\n")
    terminalreporter.write_line(f"(also written to {AXE_FINDINGS.relative_to(ROOT)})")
