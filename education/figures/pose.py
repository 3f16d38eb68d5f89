"""A figure's pose: where its joints are, from a few numbers per frame.

A frame names where the hips are, the angle of the trunk, and for each limb either where
its end is (the foot, the hand: the knee or elbow is then found, as a physiotherapist would
bend it) or the angle of each segment. Angles are in degrees on the drawing (x to the right,
y down): 0 points right, 90 points down, -90 up. A figure drawn this way faces right, so
the viewer sees its left side: the near leg is the left one (mirrored, the right one).
"""

import math
from dataclasses import dataclass

# Segment lengths, in the drawing's units (the scene is 160 × 120, the floor at y = 112).
TRUNK = 31
NECK = 4
HEAD = 7  # radius
UPPER_ARM = 16
FOREARM = 15
THIGH = 25
SHIN = 24
FOOT = 9
FLAT_FOOT = 25  # degrees: from an ankle 4 units up, the toes reach the floor

Point = tuple[float, float]


def along(start: Point, angle: float, length: float) -> Point:
    rad = math.radians(angle)
    return (start[0] + length * math.cos(rad), start[1] + length * math.sin(rad))


def middle_joint(start: Point, end: Point, first: float, second: float, toward: str) -> Point:
    """The knee (or elbow) between `start` and `end`, of the two places it could be, the one
    `toward` "front" (right), "back" (left), "up" or "down". An end out of reach is
    brought within reach along the same line: the limb then points straight at it."""
    dx, dy = end[0] - start[0], end[1] - start[1]
    reach = min(math.hypot(dx, dy), first + second - 0.01)
    reach = max(reach, abs(first - second) + 0.01)
    base = math.degrees(math.atan2(dy, dx))
    cos_bend = (first**2 + reach**2 - second**2) / (2 * first * reach)
    bend = math.degrees(math.acos(max(-1.0, min(1.0, cos_bend))))
    options = [along(start, base - bend, first), along(start, base + bend, first)]
    pick = {
        "front": lambda p: -p[0],
        "back": lambda p: p[0],
        "up": lambda p: p[1],
        "down": lambda p: -p[1],
    }[toward]
    return min(options, key=pick)


@dataclass(frozen=True)
class Limb:
    root: Point
    middle: Point  # knee or elbow
    end: Point  # ankle or hand
    tip: Point | None = None  # toe


def _limb(root: Point, spec: dict, first: float, second: float, toward: str) -> Limb:
    if "end" in spec:
        wanted = tuple(spec["end"])
        middle = middle_joint(root, wanted, first, second, spec.get("toward", toward))
        # Out of reach, the end is where the limb, straightened, points.
        to_end = math.degrees(math.atan2(wanted[1] - middle[1], wanted[0] - middle[0]))
        end = along(middle, to_end, second)
    elif "to" in spec:  # seen end on, the lower segment looks shorter: drawn to a point
        middle = along(root, spec["upper"], first)
        end = tuple(spec["to"])
    else:
        middle = along(root, spec["upper"], first)
        end = along(middle, spec["lower"], second)
    # A leg has a foot: flat on the floor unless told (the ankle sits a little above it);
    # None for a foot pointing at the viewer.
    foot = spec.get("foot", FLAT_FOOT)
    tip = along(end, foot, FOOT) if first == THIGH and foot is not None else None
    return Limb(root=root, middle=middle, end=end, tip=tip)


@dataclass(frozen=True)
class Body:
    hip: Point
    shoulder: Point
    head: Point
    near_leg: Limb
    far_leg: Limb
    near_arm: Limb
    far_arm: Limb | None

    def joint(self, name: str) -> Point:
        """A joint by name, for the arrow that shows what moves: "hip", "near_knee",
        "near_ankle", "near_toe", "far_knee", "hand", "head"."""
        return {
            "hip": self.hip,
            "head": self.head,
            "near_knee": self.near_leg.middle,
            "near_ankle": self.near_leg.end,
            "near_toe": self.near_leg.tip or self.near_leg.end,
            "far_knee": self.far_leg.middle,
            "far_ankle": self.far_leg.end,
            "hand": self.near_arm.end,
        }[name]


def pose(frame: dict) -> Body:
    hip = tuple(frame["hip"])
    trunk = frame["trunk"]
    shoulder = along(hip, trunk, TRUNK)
    head = along(shoulder, frame.get("head", trunk), NECK + HEAD)
    far_arm = frame.get("far_arm")
    near_leg = _limb(hip, frame["near"], THIGH, SHIN, "front")
    far_spec = frame.get("far", frame["near"])
    if far_spec == "level":  # straight out, its thigh level with the near one's
        thigh = math.degrees(math.atan2(near_leg.middle[1] - hip[1], near_leg.middle[0] - hip[0]))
        far_spec = {"upper": thigh, "lower": thigh, "foot": thigh - 90}
    # Seen from the front, the far leg hangs from its own hip.
    far_hip = tuple(frame.get("far_hip", hip))
    return Body(
        hip=hip,
        shoulder=shoulder,
        head=head,
        near_leg=near_leg,
        far_leg=_limb(far_hip, far_spec, THIGH, SHIN, "front"),
        near_arm=_limb(shoulder, frame["arm"], UPPER_ARM, FOREARM, "down"),
        far_arm=_limb(shoulder, far_arm, UPPER_ARM, FOREARM, "down") if far_arm else None,
    )
