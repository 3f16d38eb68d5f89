"""Where the test suite spends its CPU time: a pytest plugin.

    .venv/bin/python -m pytest -q -m "not e2e" -p bench.suite_cpu

At the end of the run it prints the suite's CPU time (user + sys, of pytest and of every
process it started and waited for: workers, gunicorns, `manage.py`), the files that took
the most and the slowest tests. `--suite-cpu-top N` shows N of each (15 by default).

The goal (issue 12): at most half the CPU time of the suite before that issue, measured with
`/usr/bin/time` on the two commits back to back (see bench/README.md).
"""

import resource
import time
from collections import Counter

import pytest


def cpu_seconds() -> float:
    mine = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return mine.ru_utime + mine.ru_stime + children.ru_utime + children.ru_stime


class SuiteCPU:
    def __init__(self, top: int):
        self.top = top
        self.started = cpu_seconds()
        self.tests: list[tuple[float, float, str]] = []  # (CPU s, wall s, node id)

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_protocol(self, item, nextitem):
        cpu, wall = cpu_seconds(), time.perf_counter()
        yield
        self.tests.append((cpu_seconds() - cpu, time.perf_counter() - wall, item.nodeid))

    def pytest_terminal_summary(self, terminalreporter):
        write = terminalreporter.write_line
        terminalreporter.section("CPU time")
        total = cpu_seconds() - self.started
        write(f"{total:.1f} s of CPU for {len(self.tests)} tests (collection included)")
        by_file, counts = Counter(), Counter()
        for cpu, _wall, nodeid in self.tests:
            name = nodeid.split("::")[0]
            by_file[name] += cpu
            counts[name] += 1
        write("")
        write("CPU s  tests  file")
        for name, cpu in by_file.most_common(self.top):
            write(f"{cpu:5.1f}  {counts[name]:5d}  {name}")
        write("")
        write("CPU s  wall s  test (the first one sets up the test database and the cast)")
        for cpu, wall, nodeid in sorted(self.tests, reverse=True)[: self.top]:
            write(f"{cpu:5.2f}  {wall:6.2f}  {nodeid}")


def pytest_addoption(parser):
    parser.addoption("--suite-cpu-top", type=int, default=15, help="rows of each list")


def pytest_configure(config):
    config.pluginmanager.register(SuiteCPU(config.getoption("--suite-cpu-top")), "suite-cpu")
