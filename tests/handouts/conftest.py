"""Reading handouts back: a PDF's pages and text, and the audit rows printing leaves."""

import io

from auditlog.models import LogEntry
from pypdf import PdfReader


def read_pdf(document: bytes) -> PdfReader:
    assert document.startswith(b"%PDF-")
    return PdfReader(io.BytesIO(document))


def pdf_of(response) -> PdfReader:
    """The PDF in a response, checked to be one."""
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    return read_pdf(response.content)


def pdf_text(response) -> str:
    """The PDF's text, with every run of white space (line ends too) as one space."""
    return " ".join(" ".join(page.extract_text() for page in pdf_of(response).pages).split())


def print_records():
    """(what, patient id, actor) for every print or download recorded, oldest first."""
    entries = LogEntry.objects.filter(
        action=LogEntry.Action.ACCESS,
        additional_data__what__in=["print", "pdf", "batch_pdf"],
    ).order_by("pk")
    return [(e.additional_data["what"], e.additional_data["patient"], e.actor) for e in entries]


def dose_line(item) -> str:
    """An item's dose as the handout's dose row reads in the PDF's text."""

    def seconds(value, none):
        if not value:
            return none
        return f"{value} second" if value == 1 else f"{value} seconds"

    dose = item.dose
    return " ".join(
        [
            str(dose.sets),
            str(dose.reps),
            seconds(dose.hold_seconds, "No hold"),
            seconds(dose.rest_seconds, "No rest needed"),
            str(dose.times_per_day),
            str(dose.days_per_week),
            str(dose.get_side_display()),
        ]
    )
