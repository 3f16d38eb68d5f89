"""The drawings of the shipped exercises: per exercise, its frames in order.

Drawn with our own pose model (education/figures/): each frame gives where the hips are,
the angle of the trunk (-90 upright, 180 lying with the head to the left) and where each
foot and hand goes, in a 160 × 120 scene whose floor is at y = 112; the figure faces right,
so the near leg is the left one (mirrored, the right one). `one_leg`: the near leg is the
working one, drawn heavier with its knee ringed. `view`: a larger scene (x, y, width,
height) for a figure on a step. `thumbnail`: the frame shown small on Today and the plan.
`move`: the joint whose path the frame's arrow shows, from the frame before.
Captions and descriptions are in each language; a description says what the frame shows,
for someone who cannot see it.
"""

import math


def _t(en, fr):
    return {"en": en, "fr": fr}


START = _t("Start", "Départ")
LIFT = _t("Lift", "Montez")
LOWER = _t("Lower slowly", "Redescendez lentement")

# Closer in on a figure lying or sitting on the floor, so it reads at thumbnail size.
LOW_VIEW = (5, 24, 130, 97.5)
LYING_ARM = {"upper": 4, "lower": 0}  # along the floor, by the side
HANGING_ARM = {"upper": 95, "lower": 88}


def _toward(start, end):
    return math.degrees(math.atan2(end[1] - start[1], end[0] - start[0]))


# ------------------------------------------------------------------ lying on the back
def _back(hip, *, near=None, far=None, shoulder=(39, 104)):
    frame = {
        "hip": hip,
        "trunk": _toward(hip, shoulder),
        "head": 180,
        "near": near or {"end": (100, 108), "toward": "up", "foot": 20},
        "arm": LYING_ARM,
    }
    if far is not None:
        frame["far"] = far
    return frame


def _bridge(high, low_text, high_text, top_text):
    low = _back((70, 104))
    up = {**_back((72, high)), "move": "hip"}
    return {
        "one_leg": False,
        "thumbnail": 1,
        "view": LOW_VIEW,
        "frames": [
            {**low, "caption": START, "description": low_text},
            {**up, "caption": LIFT, "description": high_text},
            {**low, "move": "hip", "caption": LOWER, "description": top_text},
        ],
    }


SHORT_BRIDGE = _bridge(
    98,
    _t(
        "Lying on the back, knees bent, feet flat on the floor, arms by the sides.",
        "Couché sur le dos, genoux pliés, pieds à plat au sol, bras le long du corps.",
    ),
    _t(
        "The hips lift a few centimetres off the floor; the shoulders stay down.",
        "Les hanches se soulèvent de quelques centimètres; les épaules restent au sol.",
    ),
    _t(
        "The hips come slowly back down to the floor.",
        "Les hanches redescendent lentement au sol.",
    ),
)

GLUTE_BRIDGE = _bridge(
    84,
    _t(
        "Lying on the back, knees bent, feet flat and hip-width apart, arms by the sides.",
        "Couché sur le dos, genoux pliés, pieds à plat écartés de la largeur des hanches, "
        "bras le long du corps.",
    ),
    _t(
        "The hips rise until shoulders, hips and knees make a straight line.",
        "Les hanches montent jusqu'à ce que les épaules, les hanches et les genoux forment "
        "une ligne droite.",
    ),
    _t(
        "The hips come slowly back down to the floor.",
        "Les hanches redescendent lentement au sol.",
    ),
)

_ONE_LEG_DOWN = _back((70, 104), near={"end": (96, 108), "toward": "up", "foot": 20}, far="level")
_ONE_LEG_UP = _back((73, 88), near={"end": (96, 108), "toward": "up", "foot": 20}, far="level")
SINGLE_BRIDGE = {
    "one_leg": True,
    "thumbnail": 1,
    "view": LOW_VIEW,
    "frames": [
        {
            **_ONE_LEG_DOWN,
            "caption": START,
            "description": _t(
                "Lying on the back, one foot flat on the floor, the other leg straight out "
                "with both thighs level.",
                "Couché sur le dos, un pied à plat au sol, l'autre jambe tendue, les deux "
                "cuisses à la même hauteur.",
            ),
        },
        {
            **_ONE_LEG_UP,
            "move": "hip",
            "caption": LIFT,
            "description": _t(
                "Pushing through the heel on the floor, the hips lift and stay level; the "
                "straight leg stays in line with its thigh.",
                "En poussant dans le talon au sol, les hanches montent en restant droites; "
                "la jambe tendue reste dans l'axe de sa cuisse.",
            ),
        },
        {
            **_ONE_LEG_DOWN,
            "move": "hip",
            "caption": LOWER,
            "description": _t(
                "The hips come slowly back down to the floor.",
                "Les hanches redescendent lentement au sol.",
            ),
        },
    ],
}


# ------------------------------------------------------------------ lying on the side
def _side(top_thigh, *, band=False):
    """Lying on the side, head on a pillow to the left, knees bent and feet together, seen
    from the front: the top knee (the near leg) opens like a shell."""
    props = [("pillow", 12, 105, 26)]
    if band:
        props.append(("band",))
    return {
        "hip": (84, 98),
        "trunk": 180,
        "head": 180,
        "near": {"upper": top_thigh, "to": (84, 106), "foot": None},
        "far": {"upper": 30, "to": (84, 109), "foot": None},
        "arm": {"upper": 60, "lower": 0},
        "props": props,
    }


def _clamshell(lift, *, band=False, lift_text, start_text):
    rest = _side(20, band=band)
    return {
        "one_leg": True,
        "thumbnail": 1,
        "view": LOW_VIEW,
        "frames": [
            {**rest, "caption": START, "description": start_text},
            {
                **_side(lift, band=band),
                "move": "near_knee",
                "caption": _t("Lift the top knee", "Levez le genou du dessus"),
                "description": lift_text,
            },
            {
                **rest,
                "move": "near_knee",
                "caption": LOWER,
                "description": _t(
                    "The top knee comes slowly back down onto the other.",
                    "Le genou du dessus redescend lentement sur l'autre.",
                ),
            },
        ],
    }


_SIDE_START = _t(
    "Lying on the side, head on a pillow, hips and knees bent, feet together.",
    "Couché sur le côté, la tête sur un oreiller, hanches et genoux pliés, pieds joints.",
)
SHORT_CLAMSHELL = _clamshell(
    -2,
    start_text=_SIDE_START,
    lift_text=_t(
        "The feet stay together while the top knee lifts a few centimetres.",
        "Les pieds restent joints pendant que le genou du dessus monte de quelques centimètres.",
    ),
)
CLAMSHELL = _clamshell(
    -25,
    start_text=_SIDE_START,
    lift_text=_t(
        "The feet stay together while the top knee opens like a shell; the hips do not roll back.",
        "Les pieds restent joints pendant que le genou du dessus s'ouvre comme une "
        "coquille; les hanches ne basculent pas vers l'arrière.",
    ),
)
BANDED_CLAMSHELL = _clamshell(
    -22,
    band=True,
    start_text=_t(
        "Lying on the side with a band around both thighs just above the knees, hips and "
        "knees bent, feet together.",
        "Couché sur le côté, une bande élastique autour des cuisses juste au-dessus des "
        "genoux, hanches et genoux pliés, pieds joints.",
    ),
    lift_text=_t(
        "The feet stay together while the top knee opens against the band.",
        "Les pieds restent joints pendant que le genou du dessus s'ouvre contre la bande.",
    ),
)


# ------------------------------------------------------------------ sitting
def _long_sit(near):
    return {
        "hip": (56, 104),
        "trunk": -100,
        "near": near,
        "far": {"end": (84, 108), "toward": "up"},
        "arm": {"end": (40, 108), "toward": "back"},
        "props": [("towel", 84, 107, 4.5)],
    }


_BENT = {"upper": -7, "lower": 9, "foot": -70}
_PRESSED = {"upper": 0, "lower": 0, "foot": -95}
QUAD_SET = {
    "one_leg": True,
    "thumbnail": 1,
    "view": LOW_VIEW,
    "frames": [
        {
            **_long_sit(_BENT),
            "caption": START,
            "description": _t(
                "Sitting on the floor, the sore leg straight out with a rolled towel under "
                "the knee; the other knee bent.",
                "Assis au sol, la jambe douloureuse allongée avec une serviette roulée sous "
                "le genou; l'autre genou plié.",
            ),
        },
        {
            **_long_sit(_PRESSED),
            "move": "near_knee",
            "caption": _t("Tighten and press", "Contractez et appuyez"),
            "description": _t(
                "The front of the thigh tightens and the back of the knee presses down into "
                "the towel; the toes point up.",
                "Le devant de la cuisse se contracte et l'arrière du genou appuie sur la "
                "serviette; les orteils pointent vers le haut.",
            ),
        },
        {
            **_long_sit(_BENT),
            "move": "near_knee",
            "caption": _t("Relax", "Relâchez"),
            "description": _t(
                "The thigh relaxes fully and the knee rests on the towel again.",
                "La cuisse se relâche complètement et le genou repose de nouveau sur la serviette.",
            ),
        },
    ],
}


def _seated(raised):
    foot = {"upper": -10, "lower": 88, "foot": 62} if raised else {"upper": 0, "lower": 90}
    return {
        "hip": (60, 84),
        "trunk": -90,
        "near": foot,
        "far": foot,
        "arm": {"upper": 80, "lower": 0},
        "props": [("chair", 42, 64, 88)],
    }


SEATED_CALF = {
    "one_leg": False,
    "thumbnail": 1,
    "frames": [
        {
            **_seated(False),
            "caption": START,
            "description": _t(
                "Sitting near the front of a chair, feet flat on the floor.",
                "Assis près du bord avant d'une chaise, les pieds à plat au sol.",
            ),
        },
        {
            **_seated(True),
            "move": "near_ankle",
            "caption": _t("Lift the heels", "Levez les talons"),
            "description": _t(
                "Both heels lift as high as is comfortable; the balls of the feet stay down.",
                "Les deux talons montent aussi haut que c'est confortable; l'avant des pieds "
                "reste au sol.",
            ),
        },
        {
            **_seated(False),
            "move": "near_ankle",
            "caption": LOWER,
            "description": _t(
                "The heels come slowly back down to the floor.",
                "Les talons redescendent lentement au sol.",
            ),
        },
    ],
}


# ------------------------------------------------------------------ standing
def _standing(hip, near, *, far=None, arm=None, trunk=-90, props=()):
    frame = {"hip": hip, "trunk": trunk, "near": near, "arm": arm or HANGING_ARM}
    if far is not None:
        frame["far"] = far
    frame["props"] = list(props)
    return frame


def _wall_squat(hip):
    return _standing(hip, {"end": (68, 108)}, arm={"upper": 95, "lower": 80}, props=[("wall", 42)])


WALL_SQUAT = {
    "one_leg": False,
    "thumbnail": 1,
    "frames": [
        {
            **_wall_squat((50, 60)),
            "caption": START,
            "description": _t(
                "Standing with the back against a wall, feet a short step forward.",
                "Debout, le dos contre un mur, les pieds un petit pas en avant.",
            ),
        },
        {
            **_wall_squat((50, 70)),
            "move": "hip",
            "caption": _t("Slide down a little", "Glissez un peu vers le bas"),
            "description": _t(
                "The back slides a little way down the wall as the knees bend slightly.",
                "Le dos glisse un peu le long du mur pendant que les genoux plient légèrement.",
            ),
        },
        {
            **_wall_squat((50, 60)),
            "move": "hip",
            "caption": _t("Slide back up", "Remontez"),
            "description": _t(
                "The back slides up the wall to standing.",
                "Le dos remonte le long du mur jusqu'à la position debout.",
            ),
        },
    ],
}

STEP_VIEW = (-10, -12, 180, 135)
STEP = ("step", 10, 78, 96)
RAIL = ("counter", 22, 52)


def _step_down(hip, hanging, trunk=-90):
    return _standing(
        hip,
        {"end": (62, 92), "foot": 20},
        far={"end": hanging, "foot": 5},
        arm={"end": (28, 52), "toward": "down"},
        trunk=trunk,
        props=[STEP, RAIL],
    )


STEP_DOWN = {
    "one_leg": True,
    "view": STEP_VIEW,
    "thumbnail": 2,
    "frames": [
        {
            **_step_down((62, 44), (84, 90)),
            "caption": START,
            "description": _t(
                "Standing tall on a low step, one hand on a rail; the other foot hangs just "
                "in front of the step.",
                "Debout bien droit sur une marche basse, une main sur la rampe; l'autre pied "
                "pend juste devant la marche.",
            ),
        },
        {
            **_step_down((59, 53), (83, 100), trunk=-84),
            "move": "hip",
            "caption": _t("Bend slowly", "Pliez lentement"),
            "description": _t(
                "The standing knee bends slowly and the hanging heel moves down toward the floor.",
                "Le genou d'appui plie lentement et le talon libre descend vers le sol.",
            ),
        },
        {
            **_step_down((56, 62), (82, 108), trunk=-80),
            "move": "far_ankle",
            "caption": _t("Touch lightly", "Touchez légèrement"),
            "description": _t(
                "The free heel touches the floor lightly, with no weight on it; the standing "
                "knee stays over the foot.",
                "Le talon libre touche le sol légèrement, sans y mettre de poids; le genou "
                "d'appui reste au-dessus du pied.",
            ),
        },
        {
            **_step_down((62, 44), (84, 90)),
            "move": "hip",
            "caption": _t("Push back up", "Remontez"),
            "description": _t(
                "The standing leg straightens to come back up; the free foot hangs again.",
                "La jambe d'appui se redresse pour remonter; le pied libre pend de nouveau.",
            ),
        },
    ],
}


def _lateral(drop):
    """Seen from the front, standing sideways on a high step: the near (working) leg on the
    step, the outside foot hanging off its edge; a hand on the wall."""
    hip = (96, 39 + drop)
    return {
        "hip": hip,
        "far_hip": (86, 41 + drop * 1.4),
        "trunk": -90,
        "near": {"end": (97, 88), "toward": "front", "foot": None},
        "far": {"end": (83, 96 + drop * 1.6), "foot": None},
        "arm": {"end": (146, 46), "toward": "down"},
        "far_arm": {"upper": 100, "lower": 95},
        "props": [("step", 88, 168, 92), ("wall", 150, 92)],
    }


LATERAL_STEP_DOWN = {
    "one_leg": True,
    "view": STEP_VIEW,
    "thumbnail": 1,
    "frames": [
        {
            **_lateral(0),
            "caption": START,
            "description": _t(
                "Seen from the front: standing sideways on a stair, a hand on the wall; the "
                "outside foot hangs just off the side of the step.",
                "Vu de face : debout de côté sur une marche, une main au mur; le pied "
                "extérieur pend juste à côté de la marche.",
            ),
        },
        {
            **_lateral(8),
            "move": "far_ankle",
            "caption": _t("Lower slowly", "Descendez lentement"),
            "description": _t(
                "The standing knee bends slowly and the outside heel lowers to touch the floor "
                "lightly.",
                "Le genou d'appui plie lentement et le talon extérieur descend toucher le sol "
                "légèrement.",
            ),
        },
        {
            **_lateral(0),
            "move": "far_ankle",
            "caption": _t("Push back up", "Remontez"),
            "description": _t(
                "Pushing through the standing leg, the body comes back up.",
                "En poussant sur la jambe d'appui, le corps remonte.",
            ),
        },
    ],
}

COUNTER = ("counter", 100, 62)
COUNTER_HAND = {"end": (96, 61), "toward": "down"}


def _calf(raised, far=None):
    hip = (64, 54) if raised else (64, 60)
    ankle = {"end": (65, 102), "foot": 62} if raised else {"end": (64, 108)}
    return _standing(hip, ankle, far=far, arm=COUNTER_HAND, props=[COUNTER])


CALF_RAISE = {
    "one_leg": False,
    "thumbnail": 1,
    "frames": [
        {
            **_calf(False),
            "caption": START,
            "description": _t(
                "Standing tall, feet hip-width apart, hands resting on a counter.",
                "Debout bien droit, les pieds écartés de la largeur des hanches, les mains "
                "posées sur un comptoir.",
            ),
        },
        {
            **_calf(True),
            "move": "hip",
            "caption": _t("Rise up", "Montez sur la pointe"),
            "description": _t(
                "The body rises slowly onto the balls of both feet.",
                "Le corps monte lentement sur l'avant des deux pieds.",
            ),
        },
        {
            **_calf(False),
            "move": "hip",
            "caption": LOWER,
            "description": _t(
                "The heels come slowly back down to the floor.",
                "Les talons redescendent lentement au sol.",
            ),
        },
    ],
}

_LIFTED = {"upper": 96, "lower": 150, "foot": 70}
SINGLE_CALF = {
    "one_leg": True,
    "thumbnail": 1,
    "frames": [
        {
            **_calf(False, far=_LIFTED),
            "caption": START,
            "description": _t(
                "Standing on one foot, a hand on a counter; the other knee is bent so that "
                "foot is off the floor.",
                "Debout sur un pied, une main sur un comptoir; l'autre genou est plié pour "
                "que ce pied ne touche pas le sol.",
            ),
        },
        {
            **_calf(True, far=_LIFTED),
            "move": "hip",
            "caption": _t("Rise up", "Montez sur la pointe"),
            "description": _t(
                "The body rises slowly onto the ball of the standing foot.",
                "Le corps monte lentement sur l'avant du pied d'appui.",
            ),
        },
        {
            **_calf(False, far=_LIFTED),
            "move": "hip",
            "caption": LOWER,
            "description": _t(
                "The heel comes slowly back down to the floor.",
                "Le talon redescend lentement au sol.",
            ),
        },
    ],
}


def _ankle(hip):
    return _standing(
        hip,
        {"end": (104, 108)},
        far={"end": (70, 108), "foot": 25},
        arm={"end": (126, 50), "toward": "down"},
        trunk=-84,
        props=[("wall", 128)],
    )


ANKLE_MOBILITY = {
    "one_leg": True,
    "thumbnail": 1,
    "frames": [
        {
            **_ankle((86, 61)),
            "caption": START,
            "description": _t(
                "Facing a wall, hands on it, one foot forward a few centimetres from the wall "
                "and the other behind.",
                "Face à un mur, les mains dessus, un pied devant à quelques centimètres du mur "
                "et l'autre derrière.",
            ),
        },
        {
            **_ankle((92, 68)),
            "move": "near_knee",
            "caption": _t("Knee to the wall", "Genou vers le mur"),
            "description": _t(
                "The front knee bends toward the wall while its heel stays on the floor.",
                "Le genou avant plie vers le mur pendant que son talon reste au sol.",
            ),
        },
        {
            **_ankle((86, 61)),
            "move": "near_knee",
            "caption": _t("Straighten", "Redressez"),
            "description": _t(
                "The front knee straightens again.",
                "Le genou avant se redresse.",
            ),
        },
    ],
}


def _lunge(hip):
    return _standing(
        hip,
        {"end": (46, 106), "foot": 62},
        far={"end": (98, 108)},
        arm={"end": (118, 61), "toward": "down"},
        props=[("counter", 122, 62)],
    )


HIP_FLEXOR = {
    "one_leg": True,
    "thumbnail": 1,
    "frames": [
        {
            **_lunge((70, 62)),
            "caption": START,
            "description": _t(
                "Standing tall, one hand on a counter, one foot forward and the other back.",
                "Debout bien droit, une main sur un comptoir, un pied devant et l'autre derrière.",
            ),
        },
        {
            **_lunge((76, 67)),
            "move": "hip",
            "caption": _t("Stretch and hold", "Étirez et tenez"),
            "description": _t(
                "The buttock of the back leg squeezes and the front knee bends a little, until "
                "a stretch is felt at the front of the back hip.",
                "La fesse de la jambe arrière se contracte et le genou avant plie un peu, "
                "jusqu'à sentir un étirement à l'avant de la hanche arrière.",
            ),
        },
    ],
}


def _quad_stretch(shin):
    return {
        "hip": (84, 98),
        "trunk": 180,
        "head": 180,
        "near": {"upper": 6, "lower": shin, "foot": shin + 80},
        "far": {"upper": 4, "lower": 4, "foot": -80},
        "arm": {"end": (80, 84) if shin < -140 else (88, 80), "toward": "up"},
        "props": [("pillow", 12, 105, 26), ("strap",)],
    }


QUAD_MOBILITY = {
    "one_leg": True,
    "thumbnail": 1,
    "view": (2, 16, 140, 105),  # the straight leg reaches further
    "frames": [
        {
            **_quad_stretch(-118),
            "caption": START,
            "description": _t(
                "Lying on the side, head on a pillow; the top knee is bent and a towel loops "
                "around that ankle.",
                "Couché sur le côté, la tête sur un oreiller; le genou du dessus est plié et "
                "une serviette entoure cette cheville.",
            ),
        },
        {
            **_quad_stretch(-158),
            "move": "near_ankle",
            "caption": _t("Draw the heel in and hold", "Ramenez le talon et tenez"),
            "description": _t(
                "Holding the towel, the heel is drawn gently toward the buttock until a mild "
                "stretch is felt at the front of the thigh.",
                "En tenant la serviette, on ramène doucement le talon vers la fesse jusqu'à "
                "sentir un léger étirement à l'avant de la cuisse.",
            ),
        },
        {
            **_quad_stretch(-118),
            "move": "near_ankle",
            "caption": _t("Let go slowly", "Relâchez lentement"),
            "description": _t(
                "The towel is let go slowly and the knee opens again.",
                "On relâche lentement la serviette et le genou s'ouvre de nouveau.",
            ),
        },
    ],
}

# By the shipped exercise's slug (education/content/exercises.py).
FIGURES = {
    "short-range-bridge": SHORT_BRIDGE,
    "glute-bridge": GLUTE_BRIDGE,
    "single-leg-bridge": SINGLE_BRIDGE,
    "short-range-clamshell": SHORT_CLAMSHELL,
    "clamshell": CLAMSHELL,
    "banded-clamshell": BANDED_CLAMSHELL,
    "quad-set": QUAD_SET,
    "wall-supported-mini-squat": WALL_SQUAT,
    "step-down": STEP_DOWN,
    "lateral-step-down-high-step": LATERAL_STEP_DOWN,
    "seated-calf-raise": SEATED_CALF,
    "calf-raise": CALF_RAISE,
    "single-leg-calf-raise": SINGLE_CALF,
    "ankle-dorsiflexion-mobility": ANKLE_MOBILITY,
    "hip-flexor-mobility": HIP_FLEXOR,
    "quadriceps-mobility": QUAD_MOBILITY,
}
