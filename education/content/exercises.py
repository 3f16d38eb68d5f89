"""Home exercises for knee pain after exercise.

Doses are starting points for home rehab. Your physiotherapist may change them.

Text a patient reads is given in each language ({"en": ..., "fr": ...}); steps, cues and
mistakes are lists, one line each. The French is written for Quebec and Franco-Ontarian
readers, not word for word: a language may use more or fewer lines for the same facts.
"""

PFPS = "patellofemoral-pain"
ITBS = "it-band-syndrome"
TENDON = "patellar-tendinopathy"
BURSITIS = "knee-bursitis"

NO_EQUIPMENT = {"en": "", "fr": ""}
TOWEL = {"en": "Towel", "fr": "Une serviette"}
CHAIR_TO_HOLD = {
    "en": "A counter or sturdy chair to hold",
    "fr": "Un comptoir ou une chaise solide pour vous tenir",
}

EXERCISES = [
    # ------------------------------------------------------------------ bridges
    {
        "slug": "short-range-bridge",
        "name": {"en": "Short-range bridge", "fr": "Petit pont"},
        "purpose": {
            "en": "A gentle bridge with a small lift, to start waking up the buttock muscles.",
            "fr": (
                "Un pont tout en douceur, avec une petite montée, pour commencer à réveiller "
                "les muscles fessiers."
            ),
        },
        "body_region": "hip",
        "starting_position": "lying",
        "steps": {
            "en": [
                "Lie on your back with your knees bent and your feet flat on the floor.",
                "Gently tighten your stomach muscles.",
                "Press through your feet and lift your hips a few centimetres off the floor.",
                "Hold for three seconds.",
                "Lower your hips slowly back down.",
            ],
            "fr": [
                "Couchez-vous sur le dos, les genoux pliés et les pieds à plat au sol.",
                "Contractez doucement les muscles du ventre.",
                "Poussez dans vos pieds et soulevez les hanches de quelques centimètres.",
                "Tenez la position trois secondes.",
                "Redescendez lentement les hanches au sol.",
            ],
        },
        "cues": {
            "en": [
                "Lift only as high as feels comfortable.",
                "Keep breathing normally while you hold.",
                "You should feel the work in your buttocks.",
            ],
            "fr": [
                "Montez seulement aussi haut que c'est confortable.",
                "Continuez de respirer normalement pendant que vous tenez la position.",
                "Vous devriez sentir le travail dans les fesses.",
            ],
        },
        "mistakes": {
            "en": [
                "Holding your breath.",
                "Pushing higher than is comfortable.",
            ],
            "fr": [
                "Retenir sa respiration.",
                "Monter plus haut que ce qui est confortable.",
            ],
        },
        "equipment": NO_EQUIPMENT,
        "difficulty": "easy",
        "sets": 2,
        "reps": 10,
        "hold_seconds": 3,
        "rest_seconds": 45,
        "times_per_day": 1,
        "days_per_week": 5,
        "side": "both",
        "conditions": [PFPS, ITBS, TENDON, BURSITIS],
        "easier": [],
        "harder": ["glute-bridge"],
    },
    {
        "slug": "glute-bridge",
        "name": {"en": "Glute bridge", "fr": "Pont fessier"},
        "purpose": {
            "en": (
                "Strengthens the buttock muscles so your hips can help steer and support the knee."
            ),
            "fr": (
                "Renforce les muscles fessiers pour que vos hanches aident à guider et à "
                "soutenir le genou."
            ),
        },
        "body_region": "hip",
        "starting_position": "lying",
        "steps": {
            "en": [
                "Lie on your back with your knees bent and your feet flat, hip-width apart.",
                "Gently tighten your stomach muscles.",
                "Press your feet into the floor and raise your hips.",
                "Stop when your shoulders, hips and knees make a straight line.",
                "Hold for two seconds.",
                "Lower your hips slowly to the floor.",
            ],
            "fr": [
                "Couchez-vous sur le dos, les genoux pliés, les pieds à plat et écartés de la "
                "largeur des hanches.",
                "Contractez doucement les muscles du ventre.",
                "Appuyez les pieds dans le sol et soulevez les hanches.",
                "Arrêtez quand vos épaules, vos hanches et vos genoux forment une ligne droite.",
                "Tenez la position deux secondes.",
                "Redescendez lentement les hanches au sol.",
            ],
        },
        "cues": {
            "en": [
                "Do not arch your lower back at the top.",
                "Push through your heels so you feel it in your buttocks.",
                "If the back of your thigh cramps, bring your feet a little closer to you.",
                "Slow and steady matters more than how high you lift.",
            ],
            "fr": [
                "Ne creusez pas le bas du dos en haut du mouvement.",
                "Poussez dans vos talons pour sentir le travail dans les fesses.",
                "Si l'arrière de la cuisse crampe, rapprochez un peu vos pieds de vous.",
                "Un mouvement lent et régulier compte plus que la hauteur atteinte.",
            ],
        },
        "mistakes": {
            "en": [
                "Lifting too high and arching the lower back.",
                "Letting the knees fall inward or drift apart.",
                "Dropping down quickly instead of lowering with control.",
            ],
            "fr": [
                "Monter trop haut en creusant le bas du dos.",
                "Laisser les genoux tomber vers l'intérieur ou s'écarter.",
                "Se laisser retomber d'un coup au lieu de redescendre en contrôlant.",
            ],
        },
        "equipment": NO_EQUIPMENT,
        "difficulty": "easy",
        "sets": 3,
        "reps": 10,
        "hold_seconds": 2,
        "rest_seconds": 60,
        "times_per_day": 1,
        "days_per_week": 5,
        "side": "both",
        "conditions": [PFPS, ITBS, TENDON, BURSITIS],
        "easier": ["short-range-bridge"],
        "harder": ["single-leg-bridge"],
    },
    {
        "slug": "single-leg-bridge",
        "name": {"en": "Single-leg bridge", "fr": "Pont sur une jambe"},
        "purpose": {
            "en": "A harder bridge that works one hip at a time for more strength and control.",
            "fr": (
                "Un pont plus exigeant, qui fait travailler une hanche à la fois pour gagner "
                "en force et en contrôle."
            ),
        },
        "body_region": "hip",
        "starting_position": "lying",
        "steps": {
            "en": [
                "Lie on your back with your knees bent and your feet flat on the floor.",
                "Straighten one leg so both thighs stay level.",
                "Push through the heel of the foot on the floor and lift your hips.",
                "Hold for two seconds with your hips level.",
                "Lower slowly.",
                "Finish all the repetitions, then switch legs.",
            ],
            "fr": [
                "Couchez-vous sur le dos, les genoux pliés et les pieds à plat au sol.",
                "Allongez une jambe en gardant les deux cuisses à la même hauteur.",
                "Poussez dans le talon du pied resté au sol et soulevez les hanches.",
                "Tenez deux secondes en gardant les hanches à niveau.",
                "Redescendez lentement.",
                "Faites toutes les répétitions, puis changez de jambe.",
            ],
        },
        "cues": {
            "en": [
                "Keep both sides of your pelvis level as you lift.",
                "Keep the working knee pointing straight ahead.",
                "Go back to the two-leg bridge if you cannot keep your hips level.",
            ],
            "fr": [
                "Gardez les deux côtés du bassin à la même hauteur pendant la montée.",
                "Gardez le genou qui travaille pointé droit devant.",
                "Revenez au pont sur deux jambes si vos hanches ne restent pas à niveau.",
            ],
        },
        "mistakes": {
            "en": [
                "Letting one hip sag lower than the other.",
                "Swinging the straight leg to help you up.",
                "Arching the lower back.",
            ],
            "fr": [
                "Laisser une hanche descendre plus bas que l'autre.",
                "Donner un élan avec la jambe allongée pour monter.",
                "Creuser le bas du dos.",
            ],
        },
        "equipment": NO_EQUIPMENT,
        "difficulty": "moderate",
        "sets": 3,
        "reps": 8,
        "hold_seconds": 2,
        "rest_seconds": 60,
        "times_per_day": 1,
        "days_per_week": 3,
        "side": "both",
        "conditions": [PFPS, ITBS, TENDON],
        "easier": ["glute-bridge"],
        "harder": [],
    },
    # --------------------------------------------------------------- clamshells
    {
        "slug": "short-range-clamshell",
        "name": {"en": "Short-range clamshell", "fr": "Petite palourde"},
        "purpose": {
            "en": "A small, gentle clamshell to start working the muscles on the side of the hip.",
            "fr": (
                "Une petite palourde, tout en douceur, pour commencer à faire travailler les "
                "muscles sur le côté de la hanche."
            ),
        },
        "body_region": "hip",
        "starting_position": "side_lying",
        "steps": {
            "en": [
                "Lie on your side with your hips and knees bent and your feet together.",
                "Rest your head on your lower arm or a pillow.",
                "Keep your feet touching and lift your top knee a few centimetres.",
                "Hold for three seconds.",
                "Lower your knee slowly.",
            ],
            "fr": [
                "Couchez-vous sur le côté, les hanches et les genoux pliés, les pieds joints.",
                "Appuyez la tête sur votre bras du dessous ou sur un oreiller.",
                "Gardez les pieds collés et levez le genou du dessus de quelques centimètres.",
                "Tenez la position trois secondes.",
                "Redescendez lentement le genou.",
            ],
        },
        "cues": {
            "en": [
                "Keep your top hip directly over your bottom hip.",
                "The movement is small on purpose.",
            ],
            "fr": [
                "Gardez la hanche du dessus bien alignée au-dessus de celle du dessous.",
                "Le mouvement est petit, et c'est voulu.",
            ],
        },
        "mistakes": {
            "en": [
                "Rolling your body backward to lift the knee.",
                "Rushing through the repetitions.",
            ],
            "fr": [
                "Basculer le corps vers l'arrière pour lever le genou.",
                "Faire les répétitions trop vite.",
            ],
        },
        "equipment": NO_EQUIPMENT,
        "difficulty": "easy",
        "sets": 2,
        "reps": 10,
        "hold_seconds": 3,
        "rest_seconds": 45,
        "times_per_day": 1,
        "days_per_week": 5,
        "side": "both",
        "conditions": [PFPS, ITBS, BURSITIS],
        "easier": [],
        "harder": ["clamshell"],
    },
    {
        "slug": "clamshell",
        "name": {"en": "Clamshell", "fr": "Palourde"},
        "purpose": {
            "en": (
                "Strengthens the side of the hip, which helps stop the knee from falling inward."
            ),
            "fr": (
                "Renforce le côté de la hanche, ce qui aide à empêcher le genou de tomber vers "
                "l'intérieur."
            ),
        },
        "body_region": "hip",
        "starting_position": "side_lying",
        "steps": {
            "en": [
                "Lie on your side with your hips and knees bent and your feet together.",
                "Rest your head on your lower arm or a pillow.",
                "Stack your hips so the top one sits straight above the bottom one.",
                "Keep your feet touching and lift your top knee.",
                "Pause for two seconds.",
                "Lower your knee slowly.",
            ],
            "fr": [
                "Couchez-vous sur le côté, les hanches et les genoux pliés, les pieds joints.",
                "Appuyez la tête sur votre bras du dessous ou sur un oreiller.",
                "Placez la hanche du dessus bien droite au-dessus de celle du dessous.",
                "Gardez les pieds collés et levez le genou du dessus.",
                "Faites une pause de deux secondes.",
                "Redescendez lentement le genou.",
            ],
        },
        "cues": {
            "en": [
                "Keep your hips stacked; do not let your body roll back.",
                "You should feel it in the side and back of your hip.",
                "If it feels easy, you may be working the right muscle well.",
            ],
            "fr": [
                "Gardez les hanches alignées l'une sur l'autre, sans basculer vers l'arrière.",
                "Vous devriez sentir le travail sur le côté et à l'arrière de la hanche.",
                "Si c'est facile, c'est peut-être signe que vous ciblez bien le bon muscle.",
            ],
        },
        "mistakes": {
            "en": [
                "Rolling the pelvis backward to lift the knee higher.",
                "Letting the feet come apart.",
                "Moving too fast.",
            ],
            "fr": [
                "Basculer le bassin vers l'arrière pour lever le genou plus haut.",
                "Laisser les pieds se séparer.",
                "Bouger trop vite.",
            ],
        },
        "equipment": NO_EQUIPMENT,
        "difficulty": "easy",
        "sets": 3,
        "reps": 10,
        "hold_seconds": 2,
        "rest_seconds": 45,
        "times_per_day": 1,
        "days_per_week": 5,
        "side": "both",
        "conditions": [PFPS, ITBS, BURSITIS],
        "easier": ["short-range-clamshell"],
        "harder": ["banded-clamshell"],
    },
    {
        "slug": "banded-clamshell",
        "name": {"en": "Clamshell with a band", "fr": "Palourde avec bande élastique"},
        "purpose": {
            "en": (
                "A clamshell against a resistance band, to build more strength at the side of "
                "the hip."
            ),
            "fr": (
                "Une palourde contre la résistance d'une bande élastique, pour gagner encore "
                "plus de force sur le côté de la hanche."
            ),
        },
        "body_region": "hip",
        "starting_position": "side_lying",
        "steps": {
            "en": [
                "Put a resistance band around both thighs, just above your knees.",
                "Lie on your side with your hips and knees bent and your feet together.",
                "Stack your hips so the top one sits straight above the bottom one.",
                "Keep your feet touching and lift your top knee against the band.",
                "Pause for two seconds.",
                "Lower your knee slowly, keeping tension on the band.",
            ],
            "fr": [
                "Placez une bande élastique autour des deux cuisses, juste au-dessus des genoux.",
                "Couchez-vous sur le côté, les hanches et les genoux pliés, les pieds joints.",
                "Placez la hanche du dessus bien droite au-dessus de celle du dessous.",
                "Gardez les pieds collés et levez le genou du dessus contre la bande.",
                "Faites une pause de deux secondes.",
                "Redescendez lentement le genou en gardant la bande tendue.",
            ],
        },
        "cues": {
            "en": [
                "Keep your hips stacked as the band pulls.",
                "Control the knee on the way down.",
                "Use a lighter band if you cannot keep good form.",
            ],
            "fr": [
                "Gardez les hanches alignées même quand la bande tire.",
                "Contrôlez le genou à la descente.",
                "Prenez une bande plus légère si vous n'arrivez pas à garder une bonne position.",
            ],
        },
        "mistakes": {
            "en": [
                "Rolling back to get the knee higher.",
                "Letting the band snap the knee back down.",
                "Choosing a band that is too strong.",
            ],
            "fr": [
                "Basculer vers l'arrière pour lever le genou plus haut.",
                "Laisser la bande ramener le genou d'un coup sec.",
                "Choisir une bande trop résistante.",
            ],
        },
        "equipment": {"en": "Resistance band", "fr": "Une bande élastique"},
        "difficulty": "moderate",
        "sets": 3,
        "reps": 12,
        "hold_seconds": 2,
        "rest_seconds": 60,
        "times_per_day": 1,
        "days_per_week": 3,
        "side": "both",
        "conditions": [PFPS, ITBS],
        "easier": ["clamshell"],
        "harder": [],
    },
    # ---------------------------------------------------------------- quad set
    {
        "slug": "quad-set",
        "name": {"en": "Quad set", "fr": "Contraction du quadriceps"},
        "purpose": {
            "en": (
                "Works the front thigh muscle without bending the knee. Useful when the knee is "
                "sore."
            ),
            "fr": (
                "Fait travailler le muscle de l'avant de la cuisse sans plier le genou. Utile "
                "quand le genou est douloureux."
            ),
        },
        "body_region": "thigh",
        "starting_position": "sitting",
        "steps": {
            "en": [
                "Sit on a bed or the floor with your sore leg straight out in front of you.",
                "Place a small rolled towel under the back of that knee.",
                "Tighten the muscle on the front of your thigh.",
                "Gently press the back of your knee down into the towel.",
                "Hold for five seconds.",
                "Relax fully, then repeat.",
            ],
            "fr": [
                "Assoyez-vous sur un lit ou au sol, la jambe douloureuse allongée devant vous.",
                "Placez une petite serviette roulée sous l'arrière de ce genou.",
                "Contractez le muscle à l'avant de la cuisse.",
                "Appuyez doucement l'arrière du genou dans la serviette.",
                "Tenez la position cinq secondes.",
                "Relâchez complètement, puis recommencez.",
            ],
        },
        "cues": {
            "en": [
                "Your kneecap should move slightly up toward your hip.",
                "Keep the effort gentle; it should not hurt.",
                "Breathe normally while you hold.",
            ],
            "fr": [
                "Votre rotule devrait remonter légèrement vers la hanche.",
                "Gardez un effort doux : l'exercice ne devrait pas faire mal.",
                "Respirez normalement pendant que vous tenez la position.",
            ],
        },
        "mistakes": {
            "en": [
                "Holding your breath.",
                "Squeezing your buttocks instead of your thigh.",
                "Pressing so hard that the knee aches.",
            ],
            "fr": [
                "Retenir sa respiration.",
                "Serrer les fesses au lieu de la cuisse.",
                "Appuyer si fort que le genou devient douloureux.",
            ],
        },
        "equipment": TOWEL,
        "difficulty": "easy",
        "sets": 2,
        "reps": 10,
        "hold_seconds": 5,
        "rest_seconds": 30,
        "times_per_day": 3,
        "days_per_week": 7,
        "side": "affected",
        "conditions": [PFPS, ITBS, TENDON, BURSITIS],
        "easier": [],
        "harder": [],
    },
    # -------------------------------------------------------------- step-downs
    {
        "slug": "wall-supported-mini-squat",
        "name": {"en": "Wall-supported mini squat", "fr": "Mini-squat appuyé au mur"},
        "purpose": {
            "en": (
                "A small squat with your back on a wall, to build thigh strength before step work."
            ),
            "fr": (
                "Un petit squat, le dos appuyé au mur, pour renforcer les cuisses avant de "
                "passer aux exercices sur une marche."
            ),
        },
        "body_region": "knee",
        "starting_position": "standing",
        "steps": {
            "en": [
                "Stand with your back against a wall.",
                "Move your feet a short step forward, hip-width apart.",
                "Slide down the wall a little way by bending your knees slightly.",
                "Hold for three seconds.",
                "Slide back up to standing.",
            ],
            "fr": [
                "Tenez-vous debout, le dos contre un mur.",
                "Avancez les pieds d'un petit pas, écartés de la largeur des hanches.",
                "Glissez un peu le long du mur en pliant légèrement les genoux.",
                "Tenez la position trois secondes.",
                "Remontez en glissant jusqu'à la position debout.",
            ],
        },
        "cues": {
            "en": [
                "Keep the bend small and comfortable.",
                "Keep your knees in line with the middle of your feet.",
                "Spread your weight evenly between both feet.",
            ],
            "fr": [
                "Pliez peu, juste ce qui reste confortable.",
                "Gardez les genoux alignés avec le milieu des pieds.",
                "Répartissez votre poids également sur les deux pieds.",
            ],
        },
        "mistakes": {
            "en": [
                "Sliding down too far.",
                "Letting the knees fall inward.",
                "Standing with your feet too close to the wall.",
            ],
            "fr": [
                "Descendre trop bas.",
                "Laisser les genoux tomber vers l'intérieur.",
                "Placer les pieds trop près du mur.",
            ],
        },
        "equipment": {"en": "A clear stretch of wall", "fr": "Un bout de mur dégagé"},
        "difficulty": "easy",
        "sets": 2,
        "reps": 10,
        "hold_seconds": 3,
        "rest_seconds": 45,
        "times_per_day": 1,
        "days_per_week": 5,
        "side": "both",
        "conditions": [PFPS, ITBS, TENDON],
        "easier": [],
        "harder": ["step-down"],
    },
    {
        "slug": "step-down",
        "name": {"en": "Step-down", "fr": "Descente de marche"},
        "purpose": {
            "en": (
                "Trains your hip and thigh to control the knee as you lower yourself, as on stairs."
            ),
            "fr": (
                "Apprend à la hanche et à la cuisse à contrôler le genou quand vous descendez, "
                "comme dans un escalier."
            ),
        },
        "body_region": "knee",
        "starting_position": "standing",
        "steps": {
            "en": [
                "Stand on a low step and hold a rail or wall for balance.",
                "Let your other foot hang just in front of the step.",
                "Slowly bend your standing knee to lower the free heel toward the floor.",
                "Touch the floor lightly with that heel, without putting weight on it.",
                "Straighten your standing leg to come back up.",
                "Finish all the repetitions, then switch legs.",
            ],
            "fr": [
                "Montez sur une marche basse et tenez une rampe ou le mur pour l'équilibre.",
                "Laissez l'autre pied dans le vide, juste devant la marche.",
                "Pliez lentement le genou d'appui pour descendre le talon libre vers le sol.",
                "Touchez légèrement le sol avec ce talon, sans y mettre de poids.",
                "Dépliez la jambe d'appui pour remonter.",
                "Faites toutes les répétitions, puis changez de jambe.",
            ],
        },
        "cues": {
            "en": [
                "Keep your standing knee lined up over the middle of your foot.",
                "Take your time on the way down.",
                "Keep your hips level.",
            ],
            "fr": [
                "Gardez le genou d'appui aligné au-dessus du milieu du pied.",
                "Prenez votre temps à la descente.",
                "Gardez les hanches à niveau.",
            ],
        },
        "mistakes": {
            "en": [
                "Letting the standing knee drift inward.",
                "Dropping quickly to the floor.",
                "Pushing off the foot that touches the floor.",
            ],
            "fr": [
                "Laisser le genou d'appui glisser vers l'intérieur.",
                "Descendre trop vite vers le sol.",
                "Pousser sur le pied qui touche le sol.",
            ],
        },
        "equipment": {
            "en": "A low step or the bottom stair, with a rail or wall nearby",
            "fr": "Une marche basse ou la première marche de l'escalier, près d'une rampe ou "
            "d'un mur",
        },
        "difficulty": "moderate",
        "sets": 3,
        "reps": 8,
        "hold_seconds": 0,
        "rest_seconds": 60,
        "times_per_day": 1,
        "days_per_week": 3,
        "side": "both",
        "conditions": [PFPS, ITBS, TENDON],
        "easier": ["wall-supported-mini-squat"],
        "harder": ["lateral-step-down-high-step"],
    },
    {
        "slug": "lateral-step-down-high-step",
        "name": {
            "en": "Side step-down from a higher step",
            "fr": "Descente latérale d'une marche plus haute",
        },
        "purpose": {
            "en": (
                "A harder step-down, done sideways from a higher step, for stronger knee control."
            ),
            "fr": (
                "Une descente de marche plus exigeante, de côté et d'une marche plus haute, "
                "pour mieux contrôler le genou."
            ),
        },
        "body_region": "knee",
        "starting_position": "standing",
        "steps": {
            "en": [
                "Stand sideways on a stair or sturdy step, holding a rail or wall lightly.",
                "Let your outside foot hang just off the side of the step.",
                "Slowly bend your standing knee to lower that foot toward the floor.",
                "Touch the floor lightly with your heel.",
                "Push through your standing leg to come back up.",
                "Finish all the repetitions, then switch legs.",
            ],
            "fr": [
                "Placez-vous de côté sur une marche d'escalier ou une marche solide, en tenant "
                "légèrement une rampe ou le mur.",
                "Laissez le pied extérieur dans le vide, juste à côté de la marche.",
                "Pliez lentement le genou d'appui pour descendre ce pied vers le sol.",
                "Touchez légèrement le sol avec le talon.",
                "Poussez dans la jambe d'appui pour remonter.",
                "Faites toutes les répétitions, puis changez de jambe.",
            ],
        },
        "cues": {
            "en": [
                "Keep your standing knee over the middle of your foot.",
                "Count to three on the way down.",
                "Keep your upper body tall and your hips level.",
            ],
            "fr": [
                "Gardez le genou d'appui au-dessus du milieu du pied.",
                "Comptez jusqu'à trois pendant la descente.",
                "Gardez le haut du corps bien droit et les hanches à niveau.",
            ],
        },
        "mistakes": {
            "en": [
                "Letting the knee cave inward.",
                "Leaning the body sideways to reach the floor.",
                "Using a step so high that control is lost.",
            ],
            "fr": [
                "Laisser le genou s'affaisser vers l'intérieur.",
                "Pencher le corps sur le côté pour atteindre le sol.",
                "Utiliser une marche si haute qu'on perd le contrôle.",
            ],
        },
        "equipment": {
            "en": "A stair or sturdy step, with a rail or wall nearby",
            "fr": "Une marche d'escalier ou une marche solide, près d'une rampe ou d'un mur",
        },
        "difficulty": "hard",
        "sets": 3,
        "reps": 8,
        "hold_seconds": 0,
        "rest_seconds": 90,
        "times_per_day": 1,
        "days_per_week": 3,
        "side": "both",
        "conditions": [PFPS, ITBS, TENDON],
        "easier": ["step-down"],
        "harder": [],
    },
    # ------------------------------------------------------------- calf raises
    {
        "slug": "seated-calf-raise",
        "name": {"en": "Seated calf raise", "fr": "Montée sur la pointe des pieds assis"},
        "purpose": {
            "en": "A gentle calf raise done in a chair, with less weight going through the leg.",
            "fr": (
                "Un exercice doux pour les mollets, fait assis sur une chaise, avec moins de "
                "poids sur la jambe."
            ),
        },
        "body_region": "ankle",
        "starting_position": "sitting",
        "steps": {
            "en": [
                "Sit near the front of a sturdy chair with your feet flat on the floor.",
                "Lift both heels as high as you comfortably can.",
                "Pause for one second at the top.",
                "Lower your heels slowly to the floor.",
            ],
            "fr": [
                "Assoyez-vous vers l'avant d'une chaise solide, les pieds à plat au sol.",
                "Levez les deux talons aussi haut que c'est confortable.",
                "Faites une pause d'une seconde en haut.",
                "Redescendez lentement les talons au sol.",
            ],
        },
        "cues": {
            "en": [
                "Keep your weight over your big toe and second toe.",
                "Lower more slowly than you lift.",
            ],
            "fr": [
                "Gardez votre poids sur le gros orteil et le deuxième orteil.",
                "Redescendez plus lentement que vous ne montez.",
            ],
        },
        "mistakes": {
            "en": [
                "Rolling onto the outer edges of your feet.",
                "Bouncing the heels up and down quickly.",
            ],
            "fr": [
                "Rouler sur le bord extérieur des pieds.",
                "Faire rebondir les talons rapidement.",
            ],
        },
        "equipment": {"en": "A sturdy chair", "fr": "Une chaise solide"},
        "difficulty": "easy",
        "sets": 2,
        "reps": 15,
        "hold_seconds": 1,
        "rest_seconds": 30,
        "times_per_day": 1,
        "days_per_week": 5,
        "side": "both",
        "conditions": [PFPS, ITBS, TENDON, BURSITIS],
        "easier": [],
        "harder": ["calf-raise"],
    },
    {
        "slug": "calf-raise",
        "name": {"en": "Calf raise", "fr": "Montée sur la pointe des pieds"},
        "purpose": {
            "en": "Strengthens the calf so it can share the load of walking, stairs and running.",
            "fr": (
                "Renforce le mollet pour qu'il partage l'effort de la marche, des escaliers et "
                "de la course."
            ),
        },
        "body_region": "ankle",
        "starting_position": "standing",
        "steps": {
            "en": [
                "Stand tall with your feet hip-width apart.",
                "Rest your hands lightly on a counter or the back of a sturdy chair.",
                "Rise slowly onto the balls of your feet.",
                "Pause for one second at the top.",
                "Lower your heels slowly to the floor.",
            ],
            "fr": [
                "Tenez-vous bien droit, les pieds écartés de la largeur des hanches.",
                "Posez légèrement les mains sur un comptoir ou le dossier d'une chaise solide.",
                "Montez lentement sur la pointe des pieds.",
                "Faites une pause d'une seconde en haut.",
                "Redescendez lentement les talons au sol.",
            ],
        },
        "cues": {
            "en": [
                "Keep your weight over your big toe and second toe.",
                "Lower more slowly than you rise.",
                "Stand tall; do not lean forward.",
            ],
            "fr": [
                "Gardez votre poids sur le gros orteil et le deuxième orteil.",
                "Redescendez plus lentement que vous ne montez.",
                "Restez bien droit, sans vous pencher vers l'avant.",
            ],
        },
        "mistakes": {
            "en": [
                "Bouncing at the bottom.",
                "Rolling onto the outer edges of your feet.",
                "Pushing down hard with your hands.",
            ],
            "fr": [
                "Rebondir en bas du mouvement.",
                "Rouler sur le bord extérieur des pieds.",
                "Appuyer fort avec les mains.",
            ],
        },
        "equipment": CHAIR_TO_HOLD,
        "difficulty": "easy",
        "sets": 3,
        "reps": 12,
        "hold_seconds": 1,
        "rest_seconds": 60,
        "times_per_day": 1,
        "days_per_week": 5,
        "side": "both",
        "conditions": [PFPS, ITBS, TENDON, BURSITIS],
        "easier": ["seated-calf-raise"],
        "harder": ["single-leg-calf-raise"],
    },
    {
        "slug": "single-leg-calf-raise",
        "name": {
            "en": "Single-leg calf raise",
            "fr": "Montée sur la pointe du pied, sur une jambe",
        },
        "purpose": {
            "en": (
                "A harder calf raise on one leg, for the strength needed for running and jumping."
            ),
            "fr": (
                "Une version plus exigeante, sur une seule jambe, pour la force qu'il faut "
                "pour courir et sauter."
            ),
        },
        "body_region": "ankle",
        "starting_position": "standing",
        "steps": {
            "en": [
                "Stand on one foot and hold a counter or wall lightly for balance.",
                "Bend the other knee so that foot is off the floor.",
                "Rise slowly onto the ball of your standing foot.",
                "Pause for one second at the top.",
                "Lower your heel slowly to the floor.",
                "Finish all the repetitions, then switch legs.",
            ],
            "fr": [
                "Tenez-vous sur un pied en touchant légèrement un comptoir ou le mur pour "
                "l'équilibre.",
                "Pliez l'autre genou pour que ce pied ne touche plus le sol.",
                "Montez lentement sur la pointe du pied d'appui.",
                "Faites une pause d'une seconde en haut.",
                "Redescendez lentement le talon au sol.",
                "Faites toutes les répétitions, puis changez de jambe.",
            ],
        },
        "cues": {
            "en": [
                "Rise as high as you can with control.",
                "Keep your ankle from rolling outward.",
                "Use your hands for balance only.",
            ],
            "fr": [
                "Montez aussi haut que possible tout en gardant le contrôle.",
                "Empêchez la cheville de rouler vers l'extérieur.",
                "Servez-vous des mains seulement pour l'équilibre.",
            ],
        },
        "mistakes": {
            "en": [
                "Bending the standing knee to cheat the movement.",
                "Dropping quickly at the end of each repetition.",
                "Making the raises smaller as you tire.",
            ],
            "fr": [
                "Plier le genou d'appui pour tricher.",
                "Se laisser retomber vite à la fin de chaque répétition.",
                "Faire des montées de plus en plus petites avec la fatigue.",
            ],
        },
        "equipment": {
            "en": "A counter or wall for balance",
            "fr": "Un comptoir ou un mur pour l'équilibre",
        },
        "difficulty": "moderate",
        "sets": 3,
        "reps": 10,
        "hold_seconds": 1,
        "rest_seconds": 60,
        "times_per_day": 1,
        "days_per_week": 3,
        "side": "both",
        "conditions": [PFPS, ITBS, TENDON],
        "easier": ["calf-raise"],
        "harder": [],
    },
    # ---------------------------------------------------------------- mobility
    {
        "slug": "ankle-dorsiflexion-mobility",
        "name": {
            "en": "Knee-to-wall ankle mobility",
            "fr": "Mobilité de la cheville, genou vers le mur",
        },
        "purpose": {
            "en": (
                "Helps the shin move forward over the foot, so squats and stairs are easier on "
                "the knee."
            ),
            "fr": (
                "Aide le tibia à avancer au-dessus du pied, pour que les squats et les "
                "escaliers soient moins durs pour le genou."
            ),
        },
        "body_region": "ankle",
        "starting_position": "standing",
        "steps": {
            "en": [
                "Face a wall and rest both hands on it.",
                "Place one foot forward, a few centimetres from the wall.",
                "Keep that heel down and gently bend the knee toward the wall.",
                "Hold for three seconds, then straighten the knee.",
                "If this is easy, move the foot back a little.",
                "Finish all the repetitions, then switch legs.",
            ],
            "fr": [
                "Placez-vous face à un mur, les deux mains appuyées dessus.",
                "Avancez un pied à quelques centimètres du mur.",
                "Gardez ce talon au sol et pliez doucement le genou vers le mur.",
                "Tenez trois secondes, puis dépliez le genou.",
                "Si c'est facile, reculez un peu le pied.",
                "Faites toutes les répétitions, puis changez de jambe.",
            ],
        },
        "cues": {
            "en": [
                "Keep your heel flat on the floor.",
                "Aim your knee over your second toe.",
                "Feel a gentle stretch in the calf or ankle, never pain.",
            ],
            "fr": [
                "Gardez le talon bien à plat au sol.",
                "Dirigez le genou au-dessus du deuxième orteil.",
                "Vous devriez sentir un étirement doux dans le mollet ou la cheville, jamais "
                "de douleur.",
            ],
        },
        "mistakes": {
            "en": [
                "Letting the heel lift.",
                "Letting the knee fall inward.",
                "Forcing the ankle further than it wants to go.",
            ],
            "fr": [
                "Laisser le talon décoller.",
                "Laisser le genou tomber vers l'intérieur.",
                "Forcer la cheville plus loin qu'elle ne veut aller.",
            ],
        },
        "equipment": {"en": "A wall", "fr": "Un mur"},
        "difficulty": "easy",
        "sets": 2,
        "reps": 10,
        "hold_seconds": 3,
        "rest_seconds": 30,
        "times_per_day": 1,
        "days_per_week": 7,
        "side": "both",
        "conditions": [PFPS, TENDON],
        "easier": [],
        "harder": [],
    },
    {
        "slug": "hip-flexor-mobility",
        "name": {
            "en": "Standing hip flexor stretch",
            "fr": "Étirement debout des fléchisseurs de la hanche",
        },
        "purpose": {
            "en": (
                "Eases stiffness at the front of the hip, which often builds up from long sitting."
            ),
            "fr": (
                "Assouplit l'avant de la hanche, qui devient souvent raide quand on reste "
                "longtemps assis."
            ),
        },
        "body_region": "hip",
        "starting_position": "standing",
        "steps": {
            "en": [
                "Stand tall and hold a counter or sturdy chair with one hand.",
                "Step one foot forward and the other foot back.",
                "Gently squeeze the buttock of the back leg.",
                "Bend your front knee a little until you feel a stretch at the front of the "
                "back hip.",
                "Hold for 30 seconds, breathing slowly.",
                "Step your feet together, then switch sides.",
            ],
            "fr": [
                "Tenez-vous bien droit en tenant un comptoir ou une chaise solide d'une main.",
                "Avancez un pied et reculez l'autre.",
                "Serrez doucement la fesse de la jambe arrière.",
                "Pliez un peu le genou avant jusqu'à sentir un étirement à l'avant de la "
                "hanche arrière.",
                "Tenez 30 secondes en respirant lentement.",
                "Ramenez les pieds ensemble, puis changez de côté.",
            ],
        },
        "cues": {
            "en": [
                "Keep your upper body upright.",
                "The stretch should be gentle, never painful.",
                "Keep your front knee over the middle of your foot.",
            ],
            "fr": [
                "Gardez le haut du corps bien droit.",
                "L'étirement doit rester doux, jamais douloureux.",
                "Gardez le genou avant au-dessus du milieu du pied.",
            ],
        },
        "mistakes": {
            "en": [
                "Arching the lower back instead of stretching the hip.",
                "Bending the front knee deeply, which loads the knee.",
                "Bouncing in the stretch.",
            ],
            "fr": [
                "Creuser le bas du dos au lieu d'étirer la hanche.",
                "Plier beaucoup le genou avant, ce qui le surcharge.",
                "Faire des rebonds pendant l'étirement.",
            ],
        },
        "equipment": CHAIR_TO_HOLD,
        "difficulty": "easy",
        "sets": 1,
        "reps": 3,
        "hold_seconds": 30,
        "rest_seconds": 15,
        "times_per_day": 1,
        "days_per_week": 7,
        "side": "both",
        "conditions": [PFPS, ITBS],
        "easier": [],
        "harder": [],
    },
    {
        "slug": "quadriceps-mobility",
        "name": {
            "en": "Gentle side-lying thigh stretch",
            "fr": "Étirement doux de la cuisse, couché sur le côté",
        },
        "purpose": {
            "en": (
                "Gently eases a tight front thigh. Skip it while the front of the knee is "
                "flared up."
            ),
            "fr": (
                "Détend doucement l'avant de la cuisse quand il est raide. À éviter tant que "
                "l'avant du genou est irrité."
            ),
        },
        "body_region": "thigh",
        "starting_position": "side_lying",
        "steps": {
            "en": [
                "Lie on your side with your head resting on a pillow.",
                "Bend your top knee and loop a towel around that ankle.",
                "Hold the towel and gently draw your heel toward your buttock.",
                "Stop when you feel a mild stretch at the front of your thigh.",
                "Hold for 20 seconds.",
                "Let go slowly, then repeat. Switch sides when done.",
            ],
            "fr": [
                "Couchez-vous sur le côté, la tête sur un oreiller.",
                "Pliez le genou du dessus et passez une serviette autour de cette cheville.",
                "Tenez la serviette et tirez doucement le talon vers la fesse.",
                "Arrêtez dès que vous sentez un léger étirement à l'avant de la cuisse.",
                "Tenez 20 secondes.",
                "Relâchez lentement, puis recommencez. Changez de côté à la fin.",
            ],
        },
        "cues": {
            "en": [
                "Feel the stretch in the thigh, not in the knee.",
                "Keep your knees level with each other.",
                "Keep your lower back relaxed, not arched.",
            ],
            "fr": [
                "L'étirement se sent dans la cuisse, pas dans le genou.",
                "Gardez les genoux à la même hauteur.",
                "Gardez le bas du dos détendu, sans le creuser.",
            ],
        },
        "mistakes": {
            "en": [
                "Pulling hard to force the heel closer.",
                "Doing it while the front of the knee is sore.",
                "Letting the top knee drift forward.",
            ],
            "fr": [
                "Tirer fort pour rapprocher le talon à tout prix.",
                "Le faire pendant que l'avant du genou est douloureux.",
                "Laisser le genou du dessus partir vers l'avant.",
            ],
        },
        "equipment": TOWEL,
        "difficulty": "easy",
        "sets": 1,
        "reps": 3,
        "hold_seconds": 20,
        "rest_seconds": 15,
        "times_per_day": 1,
        "days_per_week": 7,
        "side": "both",
        "conditions": [PFPS, ITBS],
        "easier": [],
        "harder": [],
    },
]
