"""A pose as a small SVG drawing: calm black lines on white, the working leg heavier.

Presentation attributes only (no style attribute, no script): the strict CSP allows them,
and WeasyPrint draws them as vectors in the PDF. Nothing is told by colour alone: the
working leg is thicker and its knee ringed, the far limbs thinner; a dashed arrow shows
where the moving joint goes from the frame before.
"""

import math

from django.utils.html import escape

from education.figures.pose import Body, Limb, Point, along, pose

WIDTH, HEIGHT = 160, 120
FLOOR = 112
INK = "#1b1b1b"  # 16.9:1 on white
GREY = "#5f5f5f"  # 6.4:1 on white: the far limbs and the furniture, still easy to see
ARROW_OFFSET = 8


def _n(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _pts(*points: Point) -> str:
    return " ".join(f"{_n(x)},{_n(y)}" for x, y in points)


def _line(points, width: float, colour: str = INK, extra: str = "") -> str:
    return (
        f'<polyline points="{_pts(*points)}" stroke="{colour}" stroke-width="{_n(width)}"{extra}/>'
    )


def _leg(leg: Limb, width: float, colour: str) -> str:
    return _line([leg.root, leg.middle, leg.end, leg.tip or leg.end], width, colour)


def _arm(arm: Limb, width: float, colour: str) -> str:
    return _line([arm.root, arm.middle, arm.end], width, colour)


def _prop(prop: tuple, body: Body) -> str:
    kind, *args = prop
    if kind == "wall":  # down to the floor, or to the top of a step
        x, bottom = (*args, FLOOR) if len(args) == 1 else args
        return _line([(x, -20), (x, bottom)], 2.5, GREY)
    if kind == "step":
        left, right, top = args
        return (
            f'<rect x="{_n(left)}" y="{_n(top)}" width="{_n(right - left)}" '
            f'height="{_n(FLOOR - top)}" stroke="{GREY}" stroke-width="2"/>'
        )
    if kind == "chair":  # seat from x0 to x1 at y, backrest at x0
        x0, x1, y = args
        return _line([(x0, y - 30), (x0, FLOOR)], 2.5, GREY) + _line(
            [(x0, y), (x1, y), (x1, FLOOR)], 2.5, GREY
        )
    if kind == "bed":  # a low surface the figure sits or lies on
        x0, x1, y = args
        return (
            _line([(x0, y), (x1, y)], 2.5, GREY)
            + _line([(x0 + 3, y), (x0 + 3, FLOOR)], 2, GREY)
            + _line([(x1 - 3, y), (x1 - 3, FLOOR)], 2, GREY)
        )
    if kind == "counter":  # a counter or chair back to hold: a post and its top
        x, top = args
        return _line([(x - 9, top), (x + 9, top)], 2.5, GREY) + _line(
            [(x, top), (x, FLOOR)], 2.5, GREY
        )
    if kind == "towel":  # a rolled towel, seen end on
        x, y, r = args
        return f'<circle cx="{_n(x)}" cy="{_n(y)}" r="{_n(r)}" stroke="{GREY}" stroke-width="2"/>'
    if kind == "pillow":
        x, y, w = args
        return (
            f'<rect x="{_n(x)}" y="{_n(y)}" width="{_n(w)}" height="6" rx="3" '
            f'stroke="{GREY}" stroke-width="2"/>'
        )
    if kind == "band":  # an elastic band around both thighs, just above the knees
        near = _towards(body.near_leg.root, body.near_leg.middle, 0.8)
        far = _towards(body.far_leg.root, body.far_leg.middle, 0.8)
        return _line([near, far], 2, INK, ' stroke-dasharray="1.5 2.5"')
    if kind == "strap":  # a towel looped from the hand to the ankle
        return _line([body.near_arm.end, body.near_leg.end], 2, GREY, ' stroke-dasharray="3 2"')
    raise ValueError(f"Unknown prop {kind!r}")


def _towards(start: Point, end: Point, share: float) -> Point:
    return (start[0] + (end[0] - start[0]) * share, start[1] + (end[1] - start[1]) * share)


def _arrow(start: Point, end: Point) -> str:
    """A dashed arrow beside the path of a moving joint, from where it was to where it is."""
    dx, dy = end[0] - start[0], end[1] - start[1]
    length = math.hypot(dx, dy)
    if length < 3:
        return ""
    # Offset to the side of the path, so the arrow does not lie on the limb.
    ox, oy = -dy / length * ARROW_OFFSET, dx / length * ARROW_OFFSET
    a, b = (start[0] + ox, start[1] + oy), (end[0] + ox, end[1] + oy)
    angle = math.degrees(math.atan2(dy, dx))
    head = [along(b, angle + 150, 5), b, along(b, angle - 150, 5)]
    return _line([a, b], 1.8, INK, ' stroke-dasharray="3 2.5"') + _line(head, 1.8)


def figure_svg(
    frame: dict,
    before: dict | None,
    *,
    one_leg: bool,
    mirrored: bool,
    label: str,
    view: tuple[float, float, float, float] = (0, 0, WIDTH, HEIGHT),
    css_class: str = "figure",
) -> str:
    """The SVG of one frame: `before` is the frame it follows (for the arrow), `one_leg`
    draws the near leg as the working one, `mirrored` shows the figure's right side."""
    body = pose(frame)
    parts = [_prop(prop, body) for prop in frame.get("props", ())]
    x, y, width, height = view
    parts.append(_line([(x + 4, FLOOR), (x + width - 4, FLOOR)], 2, GREY))
    if body.far_arm:
        parts.append(_arm(body.far_arm, 3, GREY))
    parts.append(_leg(body.far_leg, 3.5 if one_leg else 4, GREY))
    parts.append(_line([body.far_leg.root, body.hip, body.shoulder], 5))
    parts.append(
        f'<circle cx="{_n(body.head[0])}" cy="{_n(body.head[1])}" r="7" stroke="{INK}" '
        f'stroke-width="3.5" fill="#fff"/>'
    )
    parts.append(_leg(body.near_leg, 6.5 if one_leg else 4.5, INK))
    parts.append(_arm(body.near_arm, 4, INK))
    if one_leg:  # the knee that works, ringed
        knee_x, knee_y = body.near_leg.middle
        parts.append(
            f'<circle cx="{_n(knee_x)}" cy="{_n(knee_y)}" r="5.5" stroke="{INK}" '
            f'stroke-width="2" fill="#fff"/>'
        )
    if before is not None and frame.get("move"):
        parts.append(_arrow(pose(before).joint(frame["move"]), body.joint(frame["move"])))
    drawing = "".join(parts)
    if mirrored:
        drawing = f'<g transform="matrix(-1 0 0 1 {_n(2 * x + width)} 0)">{drawing}</g>'
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{_n(x)} {_n(y)} {_n(width)} '
        f'{_n(height)}" class="{css_class}" role="img" aria-label="{escape(label)}" '
        f'focusable="false"><title>{escape(label)}</title>'
        f'<rect x="{_n(x + 0.5)}" y="{_n(y + 0.5)}" width="{_n(width - 1)}" '
        f'height="{_n(height - 1)}" rx="6" fill="#fff" stroke="{GREY}" stroke-width="1"/>'
        f'<g fill="none" stroke-linecap="round" stroke-linejoin="round">{drawing}</g></svg>'
    )
