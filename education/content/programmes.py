"""Home exercise programmes. Item dose keys override the exercise's default dose.

Text a patient reads is given in each language ({"en": ..., "fr": ...}): the programme's
name becomes the title of the patient's plan, and each item's note is copied into it.
"""

PROGRAMMES = [
    {
        "slug": "knee-settle-phase-1",
        "name": {
            "en": "Knee pain after exercise — settle (phase 1)",
            "fr": "Douleur au genou après l'effort — calmer (phase 1)",
        },
        "purpose": {
            "en": (
                "Calm an irritated knee with gentle, low-load exercises while you keep moving "
                "within comfort."
            ),
            "fr": (
                "Calmer un genou irrité avec des exercices doux et peu exigeants, tout en "
                "continuant de bouger sans dépasser votre zone de confort."
            ),
        },
        "condition": "",
        "phase_label": {"en": "Phase 1: Settle", "fr": "Phase 1 : calmer"},
        "items": [
            {
                "exercise": "quad-set",
                "note": {
                    "en": (
                        "Start here. Spread the sets through the day to keep your thigh muscle "
                        "working while the knee settles."
                    ),
                    "fr": (
                        "Commencez par celui-ci. Répartissez les séries dans la journée pour "
                        "garder le muscle de la cuisse actif pendant que le genou se calme."
                    ),
                },
            },
            {
                "exercise": "glute-bridge",
                "note": {
                    "en": (
                        "Lift only as high as is comfortable. Use the short-range bridge if "
                        "this one bothers your knee."
                    ),
                    "fr": (
                        "Montez seulement aussi haut que c'est confortable. Faites plutôt le "
                        "petit pont si celui-ci dérange votre genou."
                    ),
                },
                "sets": 2,
                "reps": 10,
            },
            {
                "exercise": "clamshell",
                "note": {
                    "en": "Small and slow. Keep your hips stacked.",
                    "fr": "Petit mouvement, lentement. Gardez les hanches alignées.",
                },
                "sets": 2,
                "reps": 10,
            },
            {
                "exercise": "calf-raise",
                "note": {
                    "en": (
                        "Hold a counter for balance. Switch to the seated calf raise if "
                        "standing makes the knee sore."
                    ),
                    "fr": (
                        "Tenez-vous à un comptoir pour l'équilibre. Passez à la version assise "
                        "si la position debout rend le genou douloureux."
                    ),
                },
                "sets": 2,
                "reps": 10,
            },
        ],
        "articles": ["soreness-or-irritation", "first-aid-for-a-flare-up"],
        # Moving on to phase 2: our own starting point, marked for the clinician to review
        # (the proposals say so). A settled knee (pain low on every entry of a week), steady
        # practice over two weeks, two weeks in the phase, and nothing waiting on an alert.
        "next_phase": "knee-build-phase-2",
        "criteria_to_review": True,
        "criteria": [
            {"kind": "max_pain", "target": 3, "days": 7},
            {"kind": "adherence", "target": 80, "days": 14},
            {"kind": "min_days", "target": 14},
            {"kind": "no_open_alert"},
        ],
    },
    {
        "slug": "knee-build-phase-2",
        "name": {
            "en": "Knee pain after exercise — build (phase 2)",
            "fr": "Douleur au genou après l'effort — renforcer (phase 2)",
        },
        "purpose": {
            "en": (
                "Build strength and control in the hips, thighs and calves once the knee has "
                "settled, so the pain is less likely to come back."
            ),
            "fr": (
                "Gagner en force et en contrôle aux hanches, aux cuisses et aux mollets une "
                "fois le genou calmé, pour que la douleur ait moins de chances de revenir."
            ),
        },
        "condition": "",
        "phase_label": {"en": "Phase 2: Build", "fr": "Phase 2 : renforcer"},
        "items": [
            {
                "exercise": "step-down",
                "note": {
                    "en": (
                        "Go slowly and watch that your knee stays over the middle of your "
                        "foot. Use a lower step if it dips inward."
                    ),
                    "fr": (
                        "Allez-y lentement et vérifiez que le genou reste au-dessus du milieu "
                        "du pied. Prenez une marche plus basse s'il part vers l'intérieur."
                    ),
                },
            },
            {
                "exercise": "single-leg-bridge",
                "note": {
                    "en": "Keep your hips level. Go back to the two-leg bridge if one side drops.",
                    "fr": (
                        "Gardez les hanches à niveau. Revenez au pont sur deux jambes si un "
                        "côté descend."
                    ),
                },
            },
            {
                "exercise": "banded-clamshell",
                "note": {
                    "en": "Start with a light band. Control the knee on the way down.",
                    "fr": "Commencez avec une bande légère. Contrôlez le genou à la descente.",
                },
            },
            {
                "exercise": "single-leg-calf-raise",
                "note": {
                    "en": "Hold a counter or wall for balance only. Lower slowly.",
                    "fr": (
                        "Tenez-vous à un comptoir ou au mur seulement pour l'équilibre. "
                        "Redescendez lentement."
                    ),
                },
            },
            {
                "exercise": "ankle-dorsiflexion-mobility",
                "note": {
                    "en": "A gentle stretch in the calf or ankle is fine. Stop if it pinches.",
                    "fr": (
                        "Un léger étirement dans le mollet ou la cheville, c'est normal. "
                        "Arrêtez si ça pince."
                    ),
                },
            },
            {
                "exercise": "hip-flexor-mobility",
                "note": {
                    "en": "Helpful after long periods of sitting.",
                    "fr": "Utile après de longues périodes en position assise.",
                },
            },
            {
                "exercise": "quadriceps-mobility",
                "note": {
                    "en": "Leave this one out on days when the front of your knee is sore.",
                    "fr": "Sautez celui-ci les jours où l'avant du genou est douloureux.",
                },
            },
        ],
        "articles": ["building-resilient-knees", "warning-signs"],
    },
]
