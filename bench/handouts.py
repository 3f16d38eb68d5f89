"""How long printing takes: one 6-exercise handout PDF, and a morning's batch of 30.

Goals: one handout in at most 1 s, a batch of 30 in at most 20 s.

Runs on the current database's demo data; load it first if needed:

    .venv/bin/python manage.py migrate
    .venv/bin/python manage.py demo
    .venv/bin/python bench/handouts.py [--repeat 5]

The plans it prints (6 exercises each, for the demo patients of Riverside) are created
inside a transaction that is rolled back at the end: the database is left as it was. Each
measurement is the whole path of a print: the handout query, the page and the PDF. It prints
the median wall-clock time (the goal) and the median CPU time of this process, which stays
the same when other work shares the machine.
"""

import argparse
import io
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "clinic.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import transaction  # noqa: E402
from pypdf import PdfReader  # noqa: E402 - a test requirement (requirements-dev.txt)

from clinic.models import Clinic  # noqa: E402
from education.models import Exercise  # noqa: E402
from patients import handouts  # noqa: E402
from patients.models import Patient, Plan  # noqa: E402
from patients.pdf import render_pdf  # noqa: E402
from patients.services import create_plan  # noqa: E402

EXERCISES = 6
BATCH = 30
GOALS = {"one handout": 1.0, f"batch of {BATCH}": 20.0}


class Rollback(Exception):
    pass


def print_pdf(plan_ids) -> bytes:
    plans = list(Plan.objects.for_handout().filter(pk__in=plan_ids).order_by("pk"))
    html = handouts.render_page(
        None, handouts.plan_handouts(plans), options=handouts.PrintOptions(), for_pdf=True
    )
    return render_pdf(html, base_url=settings.PORTAL_URL + "/")


def median_seconds(func, repeat) -> tuple[float, float]:
    """Median (wall-clock, CPU) seconds of `repeat` runs."""
    wall, cpu = [], []
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        func()
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return statistics.median(wall), statistics.median(cpu)


def page_count(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


def demo_plans(count):
    clinic = Clinic.objects.filter(slug="riverside").first()
    patients = list(Patient.objects.filter(clinic=clinic).select_related("clinic"))
    exercises = list(Exercise.objects.filter(is_published=True).order_by("slug")[:EXERCISES])
    if not patients or len(exercises) < EXERCISES:
        sys.exit("No demo data here: run `.venv/bin/python manage.py demo` first.")
    today = clinic.today()
    return [
        create_plan(
            patient=patients[n % len(patients)],
            title=f"Benchmark programme {n + 1}",
            created_by=patients[0].clinician,
            start_date=today,
            items=[
                {"exercise": e, "note": "Slow and steady.", **e.dose.__dict__} for e in exercises
            ],
        ).pk
        for n in range(count)
    ]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs of each (median)")
    args = parser.parse_args()

    results = {}
    try:
        with transaction.atomic():
            ids = demo_plans(BATCH)
            print_pdf(ids[:1])  # warm up: fonts, templates, stylesheet
            one = print_pdf(ids[:1])
            pages, size = page_count(one), len(one)
            results["one handout"] = median_seconds(lambda: print_pdf(ids[:1]), args.repeat)
            results[f"batch of {BATCH}"] = median_seconds(
                lambda: print_pdf(ids), max(1, args.repeat // 2)
            )
            raise Rollback
    except Rollback:
        pass

    print(
        f"Handout PDFs of {EXERCISES} exercises ({pages} pages, {size / 1024:.0f} KB each, "
        "the drawings as vectors), median of the runs"
    )
    failed = False
    for name, (wall, cpu) in results.items():
        goal = GOALS[name]
        verdict = "ok" if wall <= goal else "OVER GOAL"
        failed |= wall > goal
        print(f"  {name:<14} {wall:6.2f} s  (CPU {cpu:5.2f} s)   goal ≤ {goal:g} s: {verdict}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
