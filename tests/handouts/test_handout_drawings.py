"""The printed handout carries our drawings as vectors: sharp at any size, a small file."""

from tests.handouts.conftest import pdf_of


def test_the_pdf_draws_the_exercises_as_vectors_in_a_small_file(plan_a_pdf):
    content = plan_a_pdf.content
    pdf = pdf_of(plan_a_pdf)
    # No raster picture anywhere: every drawing is lines and circles.
    for page in pdf.pages:
        assert not page.images
    assert len(content) < 150_000
    # The captions print under the drawings.
    text = "\n".join(page.extract_text() for page in pdf.pages)
    assert "1. Start" in text
    assert "2. Tighten and" in text
