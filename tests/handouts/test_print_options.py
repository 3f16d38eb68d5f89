"""Paper size (US Letter by default, or A4) and large print, on the page and in the PDF."""

import math

import pytest

from tests.handouts.conftest import pdf_of

LETTER = (612, 792)
A4 = (595, 842)


def pdf_url(plan, query=""):
    return f"/admin/patients/plan/{plan.pk}/handout.pdf{query}"


def page_size(reader):
    box = reader.pages[0].mediabox
    return round(float(box.width)), round(float(box.height))


def font_sizes(reader):
    """The size in points of every run of text in the PDF."""
    sizes = []

    def visit(text, cm, tm, font_dict, font_size):
        if text.strip():
            sizes.append(font_size * math.hypot(tm[2], tm[3]) * math.hypot(cm[2], cm[3]))

    for page in reader.pages:
        page.extract_text(visitor_text=visit)
    return sizes


@pytest.mark.parametrize(
    ("query", "size"),
    [("", LETTER), ("?paper=letter", LETTER), ("?paper=a4", A4), ("?paper=legal", LETTER)],
)
def test_the_paper_size_is_chosen_by_the_query(client, clinician_a, plan_a, query, size):
    client.force_login(clinician_a)
    reader = pdf_of(client.get(pdf_url(plan_a, query)))
    assert len(reader.pages) >= 2
    for page in reader.pages:
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == size


@pytest.mark.parametrize("paper", ["letter", "a4"])
def test_large_print_sets_every_line_at_16_points_or_more(client, clinician_a, plan_a, paper):
    client.force_login(clinician_a)
    reader = pdf_of(client.get(pdf_url(plan_a, f"?paper={paper}&large=1")))
    assert page_size(reader) == (LETTER if paper == "letter" else A4)
    sizes = font_sizes(reader)
    assert sizes
    assert min(sizes) >= 16 - 0.01


def test_regular_print_is_smaller(plan_a_pdf, db):
    sizes = font_sizes(pdf_of(plan_a_pdf))
    assert min(sizes) < 12


def test_the_print_page_marks_large_print_and_keeps_the_options_in_its_links(
    client, clinician_a, plan_a
):
    client.force_login(clinician_a)
    page = client.get(f"/admin/patients/plan/{plan_a.pk}/handout/?paper=a4&large=1").text
    assert 'class="print-page paper-a4 large-print"' in page
    assert f'href="{pdf_url(plan_a, "?paper=a4&amp;large=1")}"' in page
    assert 'href="?large=1"' in page  # US Letter, still large
    assert 'href="?paper=a4"' in page  # A4, regular print


def test_large_print_splits_the_fortnight_into_two_weeks(client, clinician_a, plan_a):
    client.force_login(clinician_a)
    regular = client.get(f"/admin/patients/plan/{plan_a.pk}/handout/").text
    large = client.get(f"/admin/patients/plan/{plan_a.pk}/handout/?large=1").text
    assert regular.count('class="tick-grid"') == 1
    assert large.count('class="tick-grid"') == 2
    assert regular.count('class="pain-box"') == large.count('class="pain-box"') == 14
