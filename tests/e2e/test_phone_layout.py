"""Patient pages on a phone: screenshots for people to look at, and no sideways scrolling,
at the phone's own size (390×844) and at 200% zoom on it.

Zooming a page to 200% halves the CSS pixels across the screen: a 390-pixel-wide phone
at 200% lays pages out in 195 CSS pixels, drawn at twice the scale. The screenshots go to
screenshots/ (see the README): phone-<page>.png and phone-200pc-<page>.png.
"""

import pytest

from tests.e2e.conftest import HEAVY_TIMEOUT, PHONE, SCREENSHOTS, sign_in_as

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

ZOOM_200 = {"width": PHONE["width"] // 2, "height": PHONE["height"] // 2}
SIDEWAYS_OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  if (document.documentElement.scrollWidth <= width) return [];
  // What sticks out: the outermost elements wider than the screen (scrolling boxes excepted).
  return [...document.querySelectorAll("body *")]
    .filter((el) => el.getBoundingClientRect().right > width + 1)
    .filter((el) => !el.parentElement.closest("[tabindex='0'][role='region'], pre"))
    .slice(0, 5)
    .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join(".")}`);
}"""


def pages_of(ada):
    return [
        ("today", "/"),
        ("pain-diary", "/pain/"),
        ("pain-saved-warning", f"/pain/{ada.warning.pk}/saved/"),
        ("plan", f"/plans/{ada.plan.pk}/"),
        ("plan-exercise", f"/plans/{ada.plan.pk}/exercises/{ada.item.pk}/"),
        ("article", f"/articles/{ada.assignment.pk}/"),
        ("article-teach-back", f"/articles/{ada.check.pk}/"),
        ("questionnaire", f"/measures/{ada.plan.pk}/{ada.schedule.pk}/"),
        ("my-progress", "/measures/"),
        ("library-exercise", "/library/exercises/glute-bridge/"),
        ("my-data", "/my-data/"),
        ("reminders", "/reminders/"),
        ("handout", f"/plans/{ada.plan.pk}/handout/"),
    ]


@pytest.mark.parametrize(
    ("prefix", "viewport", "scale"),
    [("phone", PHONE, 1), ("phone-200pc", ZOOM_200, 2)],
    ids=["390px", "200-percent-zoom"],
)
def test_patient_pages_fit_a_phone_screen(new_context, ada_follow_up, prefix, viewport, scale):
    ada = ada_follow_up
    context = new_context(viewport, device_scale_factor=scale, is_mobile=True, has_touch=True)
    page = context.new_page()
    sign_in_as(page, ada.patient.user)
    SCREENSHOTS.mkdir(exist_ok=True)
    overflowing = {}
    for name, path in pages_of(ada):
        response = page.goto(path)
        assert response.status == 200, f"{name}: {path} answered {response.status}"
        # Styles and pictures in, fonts ready: then the picture, however slow the machine.
        page.wait_for_load_state("load")
        page.evaluate("() => document.fonts.ready.then(() => true)")
        page.screenshot(
            path=SCREENSHOTS / f"{prefix}-{name}.png",
            full_page=True,
            animations="disabled",
            timeout=HEAVY_TIMEOUT,
        )
        if sticking_out := page.evaluate(SIDEWAYS_OVERFLOW):
            overflowing[name] = sticking_out
    assert overflowing == {}, f"Pages wider than the screen: {overflowing}"
