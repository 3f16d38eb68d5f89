"""Knee conditions covered by the portal, and the warning signs patients should act on."""

CONDITIONS = [
    {
        "slug": "patellofemoral-pain",
        "name": "Patellofemoral pain syndrome",
        "where_it_hurts": "Behind the kneecap or around its edges.",
        "what_brings_it_on": (
            "Running, squats, lunges, going up or down stairs, and sitting for a long time "
            "with the knee bent."
        ),
        "summary": (
            "This is a dull ache around or behind the kneecap, and it is one of the most "
            "common reasons a knee hurts after exercise. It is often linked to weak thigh "
            "muscles and to hip muscles that do not steer the leg well. When the leg is not "
            "well controlled, the kneecap takes more strain than it can handle."
        ),
    },
    {
        "slug": "it-band-syndrome",
        "name": "IT band syndrome",
        "where_it_hurts": "The outer side of the knee.",
        "what_brings_it_on": (
            "Running, cycling and other activities that bend and straighten the knee many "
            "times in a row."
        ),
        "summary": (
            "Tissue on the outside of the knee becomes irritated by repeated bending and "
            "straightening. The pain is often sharp or burning. It tends to appear at about "
            "the same point in each run or ride, such as after a set distance or at a harder "
            "pace. Early on it may fade once you are warmed up, but over time it shows up "
            "earlier."
        ),
    },
    {
        "slug": "patellar-tendinopathy",
        "name": "Patellar tendinopathy",
        "where_it_hurts": "Just below the kneecap, in the tendon that joins it to the shin.",
        "what_brings_it_on": (
            "Jumping, sprinting, sudden bursts of speed, hard landings and heavy leg workouts."
        ),
        "summary": (
            "The tendon below the kneecap becomes sore and sensitive to load. The pain is "
            "usually in one small spot and is worse with fast, powerful movements than with "
            "easy ones. Tendons tend to improve with steady, gradual strengthening, not with "
            "hard stretching."
        ),
    },
    {
        "slug": "knee-bursitis",
        "name": "Knee bursitis",
        "where_it_hurts": "One tender spot at the front, inner side or outer side of the knee.",
        "what_brings_it_on": "Kneeling, direct pressure on the knee, and repeated rubbing.",
        "summary": (
            "A bursa is a small sac of fluid that helps tissues slide over each other. When "
            "one near the knee is irritated, a small area can become tender and sometimes "
            "puffy. Pressing on the spot or kneeling usually makes it worse."
        ),
    },
]

WARNING_SIGNS = [
    {"key": "cannot_bear_weight", "label": "I can't put weight on my leg"},
    {"key": "swelling", "label": "My knee is visibly swollen or has changed shape"},
    {"key": "locking_or_giving_way", "label": "My knee locks, catches or gives way"},
    {
        "key": "fever_or_redness",
        "label": "I have a fever, or my knee is red or unusually warm",
    },
    {
        "key": "worsening_pain",
        "label": "My pain keeps getting worse even though I have cut back",
    },
]
