"""Reading handouts back: a PDF's pages and text, and the audit rows printing leaves."""

import io

from pypdf import PdfReader

from clinic.models import AccessRecord


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
    records = AccessRecord.objects.filter(action__in=["print", "pdf", "batch_pdf"]).order_by("pk")
    return [(r.action, str(r.patient_id), r.actor) for r in records]


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
