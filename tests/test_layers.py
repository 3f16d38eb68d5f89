"""The layers run one way: clinic (the core) ← education ← patients ← outcomes."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# Which apps each app may import. The core's settings and root URLconf wire the apps
# together by name (INSTALLED_APPS, include("patients.urls")): strings, not imports.
MAY_IMPORT = {
    "clinic": set(),
    "education": {"clinic"},
    "patients": {"clinic", "education"},
    "outcomes": {"clinic", "education", "patients"},
}


def imported_apps(path: Path) -> set[str]:
    tree = ast.parse(path.read_text())
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module)
    return {name.split(".")[0] for name in names} & set(MAY_IMPORT)


@pytest.mark.parametrize("app", list(MAY_IMPORT))
def test_an_app_imports_only_the_layers_below_it(app):
    wrong = {
        str(path.relative_to(ROOT)): sorted(found)
        for path in (ROOT / app).rglob("*.py")
        if (found := imported_apps(path) - MAY_IMPORT[app] - {app})
    }
    assert wrong == {}


def test_the_check_finds_an_import_across_the_layers(tmp_path):
    module = tmp_path / "sample.py"
    module.write_text("from patients.models import Patient\nimport education.models\n")
    assert imported_apps(module) == {"patients", "education"}


def test_a_process_starts_without_loading_the_pdf_renderer_or_the_fhir_models():
    # Every web process, worker, scheduler and command starts the portal; only printing a
    # handout and a FHIR file need WeasyPrint (Pango, fonts) and the FHIR models (pydantic):
    # loaded at start, they doubled the time a process takes to be ready.
    import os
    import subprocess
    import sys

    started = (
        "import sys, django; django.setup(); from django.urls import resolve; resolve('/'); "
        "print(sorted(name for name in ('weasyprint', 'fhir.resources') if name in sys.modules))"
    )
    result = subprocess.run(  # noqa: S603 - fixed command, our own interpreter
        [sys.executable, "-c", started],
        cwd=ROOT,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "tests.settings"},
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip().splitlines()[-1] == "[]"
