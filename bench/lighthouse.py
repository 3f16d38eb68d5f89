"""Lighthouse on the pages patients open most, as a phone sees them, with debug off.

Goal (the brief): Lighthouse's mobile performance score at least 95 on Today, the pain
diary and sign-in, with accessibility kept at 100.

What it does, in order:

1. Sets up the database and production settings exactly as bench/patient_pages.py does
   (DATABASE_URL, default postgres://postgres@127.0.0.1:5432/portal_bench; the demo data;
   debug off; collectstatic into a temporary folder) and starts gunicorn on loopback.
2. Signs in as the demo patient through the real sign-in form.
3. Runs Lighthouse (the npm package, package.json) with Debian's Chromium
   (/usr/bin/chromium, flags --headless --no-sandbox --disable-gpu
   --disable-background-networking): mobile form factor and Lighthouse's default simulated
   throttling (a mid-range phone on a slow 4G network), categories performance and
   accessibility. Signed-in pages get the session cookie as an extra header. Each page runs
   --runs times (3 by default); the median performance score counts.
4. Prints each page's scores and metrics (first and largest contentful paint, total
   blocking time, layout shift, bytes sent) and exits 1 if a page misses the goal, 2 if the
   benchmark could not run.

    .venv/bin/python bench/lighthouse.py                 # about 2 minutes
    .venv/bin/python bench/lighthouse.py --runs 5 --port 8021
"""

import argparse
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
if str(BASE_DIR) not in sys.path:
    sys.path.insert(0, str(BASE_DIR))

from bench.patient_pages import (  # noqa: E402
    LOOPBACK,
    BenchError,
    free_port,
    prepare_demo,
    sign_in,
    start_gunicorn,
    stop_gunicorn,
)

PERFORMANCE_GOAL = 0.95
ACCESSIBILITY_GOAL = 1.0
CHROMIUM = "/usr/bin/chromium"
CHROME_FLAGS = "--headless --no-sandbox --disable-gpu --disable-background-networking"
LIGHTHOUSE = BASE_DIR / "node_modules" / ".bin" / "lighthouse"
# (name, path, signed in)
PAGES = [
    ("Sign-in", "/accounts/login/", False),
    ("Today", "/", True),
    ("Pain diary", "/pain/", True),
]
METRICS = {
    "first-contentful-paint": "FCP",
    "largest-contentful-paint": "LCP",
    "total-blocking-time": "TBT",
    "cumulative-layout-shift": "CLS",
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="Lighthouse runs per page (3)")
    parser.add_argument("--port", type=int, default=0, help="gunicorn's port (default: free)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn sync workers (2)")
    args = parser.parse_args()
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    for tool in (CHROMIUM, LIGHTHOUSE):
        if not Path(tool).exists():
            print(f"BENCHMARK ERROR: {tool} is missing (apt-get install chromium; make install)")
            return 2

    signal.signal(signal.SIGTERM, lambda *_: sys.exit(2))
    tmp = Path(tempfile.mkdtemp(prefix="bench-lighthouse-"))
    server = None
    try:
        env = prepare_demo(static_root=tmp / "static")
        port = args.port or free_port()
        server = start_gunicorn(port, env, workers=args.workers, log=tmp / "gunicorn.log")
        cookie = sign_in(port)
        results = []
        for name, path, signed_in in PAGES:
            url = f"http://{LOOPBACK}:{port}{path}"
            sent = cookie if signed_in else None
            runs = [with_retries(lighthouse, url, sent, tmp) for _ in range(args.runs)]
            results.append((name, path, runs))
            scores = ", ".join(f"{run['performance'] * 100:.0f}" for run in runs)
            print(f"  {name}: performance {scores}")
        return report(results)
    except BenchError as error:
        print(f"\nBENCHMARK ERROR: {error}", file=sys.stderr)
        return 2
    finally:
        if server is not None:
            stop_gunicorn(server)
        shutil.rmtree(tmp, ignore_errors=True)


def with_retries(run, *args, attempts: int = 3):
    """Lighthouse now and then fails to record a trace on a busy machine (NO_NAVSTART,
    NO_FCP): such a run is tried again, up to `attempts` times, and said so."""
    for attempt in range(1, attempts + 1):
        try:
            return run(*args)
        except BenchError as error:
            if attempt == attempts:
                raise
            print(f"  (Lighthouse run failed, trying again: {str(error).splitlines()[-1]})")
    raise AssertionError("unreachable")


def lighthouse(url: str, cookie: str | None, tmp: Path) -> dict:
    """One Lighthouse run: the scores (0 to 1) and the metrics, in milliseconds."""
    output = tmp / "report.json"
    command = [
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={output}",
        "--only-categories=performance,accessibility",
        "--form-factor=mobile",
        f"--chrome-flags={CHROME_FLAGS}",
    ]
    if cookie:
        command.append("--extra-headers=" + json.dumps({"Cookie": cookie}))
    result = subprocess.run(  # noqa: S603
        command,
        env={**os.environ, "CHROME_PATH": CHROMIUM},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    if result.returncode != 0 or not output.exists():
        raise BenchError(f"Lighthouse failed on {url}:\n{result.stderr[-2000:].strip()}")
    report = json.loads(output.read_text())
    output.unlink()
    final = report.get("finalDisplayedUrl") or report.get("finalUrl", "")
    if final.rstrip("/") != url.rstrip("/"):
        raise BenchError(f"{url} ended at {final}: not signed in?")
    audits = report["audits"]
    return {
        "performance": report["categories"]["performance"]["score"],
        "accessibility": report["categories"]["accessibility"]["score"],
        "bytes": audits["total-byte-weight"]["numericValue"],
        **{label: audits[key]["numericValue"] for key, label in METRICS.items()},
    }


def report(results) -> int:
    print(
        f"\n{'page':<12} {'perf':>5} {'a11y':>5} {'FCP ms':>7} {'LCP ms':>7} {'TBT ms':>7} "
        f"{'CLS':>6} {'bytes':>7}  goal"
    )
    failed = False
    for name, _path, runs in results:
        performance = statistics.median(run["performance"] for run in runs)
        accessibility = min(run["accessibility"] for run in runs)
        middle = sorted(runs, key=lambda run: run["performance"])[len(runs) // 2]
        ok = performance >= PERFORMANCE_GOAL and accessibility >= ACCESSIBILITY_GOAL
        failed |= not ok
        print(
            f"{name:<12} {performance * 100:>5.0f} {accessibility * 100:>5.0f} "
            f"{middle['FCP']:>7.0f} {middle['LCP']:>7.0f} {middle['TBT']:>7.0f} "
            f"{middle['CLS']:>6.3f} {middle['bytes']:>7.0f}  {'PASS' if ok else 'FAIL'}"
        )
    print(
        f"\nGoal: median performance >= {PERFORMANCE_GOAL * 100:.0f} and accessibility "
        f"{ACCESSIBILITY_GOAL * 100:.0f} on every page (mobile, simulated throttling)."
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
