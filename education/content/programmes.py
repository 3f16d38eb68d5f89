"""Home exercise programmes. Item dose keys override the exercise's default dose."""

PROGRAMMES = [
    {
        "slug": "knee-settle-phase-1",
        "name": "Knee pain after exercise — settle (phase 1)",
        "purpose": (
            "Calm an irritated knee with gentle, low-load exercises while you keep moving "
            "within comfort."
        ),
        "condition": "",
        "phase_label": "Phase 1: Settle",
        "items": [
            {
                "exercise": "quad-set",
                "note": (
                    "Start here. Spread the sets through the day to keep your thigh muscle "
                    "working while the knee settles."
                ),
            },
            {
                "exercise": "glute-bridge",
                "note": (
                    "Lift only as high as is comfortable. Use the short-range bridge if "
                    "this one bothers your knee."
                ),
                "sets": 2,
                "reps": 10,
            },
            {
                "exercise": "clamshell",
                "note": "Small and slow. Keep your hips stacked.",
                "sets": 2,
                "reps": 10,
            },
            {
                "exercise": "calf-raise",
                "note": (
                    "Hold a counter for balance. Switch to the seated calf raise if standing "
                    "makes the knee sore."
                ),
                "sets": 2,
                "reps": 10,
            },
        ],
        "articles": ["soreness-or-irritation", "first-aid-for-a-flare-up"],
    },
    {
        "slug": "knee-build-phase-2",
        "name": "Knee pain after exercise — build (phase 2)",
        "purpose": (
            "Build strength and control in the hips, thighs and calves once the knee has "
            "settled, so the pain is less likely to come back."
        ),
        "condition": "",
        "phase_label": "Phase 2: Build",
        "items": [
            {
                "exercise": "step-down",
                "note": (
                    "Go slowly and watch that your knee stays over the middle of your foot. "
                    "Use a lower step if it dips inward."
                ),
            },
            {
                "exercise": "single-leg-bridge",
                "note": ("Keep your hips level. Go back to the two-leg bridge if one side drops."),
            },
            {
                "exercise": "banded-clamshell",
                "note": "Start with a light band. Control the knee on the way down.",
            },
            {
                "exercise": "single-leg-calf-raise",
                "note": "Hold a counter or wall for balance only. Lower slowly.",
            },
            {
                "exercise": "ankle-dorsiflexion-mobility",
                "note": "A gentle stretch in the calf or ankle is fine. Stop if it pinches.",
            },
            {
                "exercise": "hip-flexor-mobility",
                "note": "Helpful after long periods of sitting.",
            },
            {
                "exercise": "quadriceps-mobility",
                "note": "Leave this one out on days when the front of your knee is sore.",
            },
        ],
        "articles": ["building-resilient-knees", "warning-signs"],
    },
]
