"""Knee conditions covered by the portal. (The warning signs are the pain form's: PainEntry.)

Text a patient reads is given in each language ({"en": ..., "fr": ...}): the French is
written for Quebec and Franco-Ontarian readers, not word for word; the facts are the same.
"""

CONDITIONS = [
    {
        "slug": "patellofemoral-pain",
        "name": {
            "en": "Patellofemoral pain syndrome",
            "fr": "Syndrome fémoro-patellaire",
        },
        "where_it_hurts": {
            "en": "Behind the kneecap or around its edges.",
            "fr": "Derrière la rotule ou sur son pourtour.",
        },
        "what_brings_it_on": {
            "en": (
                "Running, squats, lunges, going up or down stairs, and sitting for a long time "
                "with the knee bent."
            ),
            "fr": (
                "La course, les squats, les fentes, la montée ou la descente des escaliers, et "
                "la position assise prolongée avec le genou plié."
            ),
        },
        "summary": {
            "en": (
                "This is a dull ache around or behind the kneecap, and it is one of the most "
                "common reasons a knee hurts after exercise. It is often linked to weak thigh "
                "muscles and to hip muscles that do not steer the leg well. When the leg is not "
                "well controlled, the kneecap takes more strain than it can handle."
            ),
            "fr": (
                "C'est une douleur sourde autour de la rotule ou derrière elle, et l'une des "
                "causes les plus fréquentes de douleur au genou après l'effort. Elle va souvent "
                "de pair avec des muscles de la cuisse faibles et des muscles de la hanche qui "
                "guident mal la jambe. Quand la jambe est mal contrôlée, la rotule subit plus "
                "de contraintes qu'elle ne peut en supporter."
            ),
        },
    },
    {
        "slug": "it-band-syndrome",
        "name": {
            "en": "IT band syndrome",
            "fr": "Syndrome de la bandelette iliotibiale",
        },
        "where_it_hurts": {
            "en": "The outer side of the knee.",
            "fr": "Le côté extérieur du genou.",
        },
        "what_brings_it_on": {
            "en": (
                "Running, cycling and other activities that bend and straighten the knee many "
                "times in a row."
            ),
            "fr": (
                "La course, le vélo et les autres activités où l'on plie et déplie le genou "
                "de nombreuses fois de suite."
            ),
        },
        "summary": {
            "en": (
                "Tissue on the outside of the knee becomes irritated by repeated bending and "
                "straightening. The pain is often sharp or burning. It tends to appear at about "
                "the same point in each run or ride, such as after a set distance or at a harder "
                "pace. Early on it may fade once you are warmed up, but over time it shows up "
                "earlier."
            ),
            "fr": (
                "Les tissus du côté extérieur du genou s'irritent à force de plier et de "
                "déplier la jambe. La douleur est souvent vive ou donne une sensation de "
                "brûlure. Elle apparaît en général à peu près au même moment de chaque sortie "
                "de course ou de vélo, par exemple après une certaine distance ou à un rythme "
                "plus soutenu. Au début, elle peut s'estomper une fois le corps réchauffé, "
                "mais avec le temps, elle se manifeste de plus en plus tôt."
            ),
        },
    },
    {
        "slug": "patellar-tendinopathy",
        "name": {
            "en": "Patellar tendinopathy",
            "fr": "Tendinopathie rotulienne",
        },
        "where_it_hurts": {
            "en": "Just below the kneecap, in the tendon that joins it to the shin.",
            "fr": "Juste sous la rotule, dans le tendon qui la relie au tibia.",
        },
        "what_brings_it_on": {
            "en": (
                "Jumping, sprinting, sudden bursts of speed, hard landings and heavy leg workouts."
            ),
            "fr": (
                "Les sauts, les sprints, les accélérations soudaines, les réceptions brusques "
                "et les entraînements intenses des jambes."
            ),
        },
        "summary": {
            "en": (
                "The tendon below the kneecap becomes sore and sensitive to load. The pain is "
                "usually in one small spot and is worse with fast, powerful movements than with "
                "easy ones. Tendons tend to improve with steady, gradual strengthening, not with "
                "hard stretching."
            ),
            "fr": (
                "Le tendon sous la rotule devient douloureux et sensible à la charge. La "
                "douleur se situe habituellement à un petit endroit précis, et elle est pire "
                "lors des mouvements rapides et puissants que lors des mouvements faciles. "
                "Les tendons s'améliorent en général grâce à un renforcement régulier et "
                "progressif, et non en les étirant fort."
            ),
        },
    },
    {
        "slug": "knee-bursitis",
        "name": {
            "en": "Knee bursitis",
            "fr": "Bursite du genou",
        },
        "where_it_hurts": {
            "en": "One tender spot at the front, inner side or outer side of the knee.",
            "fr": (
                "Un point sensible à l'avant, sur le côté intérieur ou sur le côté extérieur "
                "du genou."
            ),
        },
        "what_brings_it_on": {
            "en": "Kneeling, direct pressure on the knee, and repeated rubbing.",
            "fr": (
                "La position à genoux, une pression directe sur le genou et les frottements "
                "répétés."
            ),
        },
        "summary": {
            "en": (
                "A bursa is a small sac of fluid that helps tissues slide over each other. When "
                "one near the knee is irritated, a small area can become tender and sometimes "
                "puffy. Pressing on the spot or kneeling usually makes it worse."
            ),
            "fr": (
                "Une bourse est un petit sac rempli de liquide qui aide les tissus à glisser "
                "les uns sur les autres. Quand une bourse près du genou est irritée, une petite "
                "zone peut devenir sensible et parfois enflée. Appuyer sur cet endroit ou se "
                "mettre à genoux aggrave habituellement la douleur."
            ),
        },
    },
]
