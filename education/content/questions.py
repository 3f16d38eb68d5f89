"""Teach-back questions of the shipped articles, by article slug: a few short questions,
each with its answers, the right one (`right`, counted from 1), why it is right, and the
article's paragraph to read again. In our own words, in both languages.

`CHECK_ON_TODAY`: the articles whose questions wait on the patient's Today page until
understood.
"""

CHECK_ON_TODAY = {"warning-signs"}

QUESTIONS = {
    "warning-signs": [
        {
            "prompt": {
                "en": "Your knee gives way on the stairs and looks swollen. What do you do?",
                "fr": "Votre genou lâche dans l'escalier et semble enflé. Que faites-vous?",
            },
            "choices": [
                {
                    "en": "Carry on with my exercises and see how it is next week",
                    "fr": "Je continue mes exercices et je verrai la semaine prochaine",
                },
                {
                    "en": "Call the clinic the same day",
                    "fr": "J'appelle la clinique le jour même",
                },
                {
                    "en": "Test the knee with a few squats to check it",
                    "fr": "Je teste mon genou avec quelques squats pour vérifier",
                },
            ],
            "right": 2,
            "explanation": {
                "en": (
                    "A knee that gives way and a knee that swells are both warning signs: "
                    "they need a check the same day, not a wait. Until you are seen, avoid "
                    "the activity that brought it on and do not test the knee."
                ),
                "fr": (
                    "Un genou qui lâche et un genou qui enfle sont deux signes d'alerte : ils "
                    "demandent un examen le jour même, pas d'attendre. D'ici à ce que vous "
                    "soyez vu, évitez l'activité qui les a provoqués et ne testez pas le genou."
                ),
            },
            "passage": {
                "en": (
                    "If you notice any of these, call the clinic the same day. Tell us which "
                    "sign you have noticed and when it started. Until you are seen, avoid "
                    "the activity that brought on the pain. Do not try to test the knee."
                ),
                "fr": (
                    "Si vous remarquez l'un de ces signes, appelez la clinique le jour même. "
                    "Dites-nous quel signe vous avez remarqué et quand il a commencé. D'ici à "
                    "ce que vous soyez vu, évitez l'activité qui a provoqué la douleur. "
                    "N'essayez pas de tester votre genou."
                ),
            },
        },
        {
            "prompt": {
                "en": "After a fall, your foot turns cold and pale. What do you do?",
                "fr": "Après une chute, votre pied devient froid et pâle. Que faites-vous?",
            },
            "choices": [
                {
                    "en": "Call 911 or go to the emergency department",
                    "fr": "Je compose le 911 ou je vais à l'urgence",
                },
                {
                    "en": "Book the next clinic appointment",
                    "fr": "Je prends le prochain rendez-vous à la clinique",
                },
                {
                    "en": "Put ice on it and rest until tomorrow",
                    "fr": "J'y mets de la glace et je me repose jusqu'à demain",
                },
            ],
            "right": 1,
            "explanation": {
                "en": (
                    "A cold, pale or numb lower leg or foot is an emergency: do not wait for "
                    "the clinic. Get emergency help right away."
                ),
                "fr": (
                    "Un bas de jambe ou un pied froid, pâle ou engourdi est une urgence : "
                    "n'attendez pas la clinique. Obtenez de l'aide d'urgence tout de suite."
                ),
            },
            "passage": {
                "en": (
                    "Call 911 or go to the emergency department if your lower leg or foot "
                    "becomes cold, pale or numb. Do not wait for a clinic appointment."
                ),
                "fr": (
                    "Composez le 911 ou allez à l'urgence si le bas de votre jambe ou votre "
                    "pied devient froid, pâle ou engourdi. N'attendez pas un rendez-vous à la "
                    "clinique."
                ),
            },
        },
        {
            "prompt": {
                "en": "The clinic is closed and you are unsure how urgent it is. Who can help?",
                "fr": (
                    "La clinique est fermée et vous ne savez pas si c'est urgent. Qui peut "
                    "vous aider?"
                ),
            },
            "choices": [
                {
                    "en": "No one until the clinic opens",
                    "fr": "Personne avant l'ouverture de la clinique",
                },
                {
                    "en": "A nurse on the phone, by dialling 811",
                    "fr": "Une infirmière ou un infirmier au téléphone, en composant le 811",
                },
            ],
            "right": 2,
            "explanation": {
                "en": (
                    "In Ontario and Quebec, 811 puts you through to a nurse who can help you "
                    "decide whether to wait, see a doctor or go to the emergency department."
                ),
                "fr": (
                    "En Ontario et au Québec, le 811 vous met en contact avec une infirmière "
                    "ou un infirmier qui peut vous aider à décider s'il vaut mieux attendre, "
                    "consulter un médecin ou aller à l'urgence."
                ),
            },
            "passage": {
                "en": (
                    "If you are unsure how urgent your symptoms are, and the clinic is "
                    "closed, you can get advice from a nurse by phone: dial 811."
                ),
                "fr": (
                    "Si vous ne savez pas à quel point vos symptômes sont urgents et que la "
                    "clinique est fermée, vous pouvez obtenir les conseils d'une infirmière ou "
                    "d'un infirmier par téléphone : composez le 811."
                ),
            },
        },
    ],
    "first-aid-for-a-flare-up": [
        {
            "prompt": {
                "en": "Your knee flares up after a run. What helps it settle fastest?",
                "fr": (
                    "Votre genou fait une poussée de douleur après une course. Qu'est-ce qui "
                    "l'aide à se calmer le plus vite?"
                ),
            },
            "choices": [
                {
                    "en": "Stopping all movement for a week",
                    "fr": "Arrêter tout mouvement pendant une semaine",
                },
                {
                    "en": "Easing off what hurts and keeping gently active",
                    "fr": "Réduire ce qui fait mal et rester doucement actif",
                },
                {
                    "en": "Stretching hard into the pain",
                    "fr": "M'étirer fort dans la douleur",
                },
            ],
            "right": 2,
            "explanation": {
                "en": (
                    "Relative rest: ease off whatever sets off the pain and keep the knee "
                    "gently moving. Doing nothing stiffens the joint; stretching hard into "
                    "the pain usually makes it angrier."
                ),
                "fr": (
                    "Le repos relatif : réduisez ce qui provoque la douleur et gardez le genou "
                    "doucement en mouvement. Ne rien faire raidit l'articulation; s'étirer "
                    "fort dans la douleur l'irrite habituellement davantage."
                ),
            },
            "passage": {
                "en": (
                    "A mild or moderate flare-up usually calms down faster if you stay active "
                    "in a reduced way. This is called relative rest."
                ),
                "fr": (
                    "Une poussée légère ou modérée se calme habituellement plus vite si vous "
                    "restez actif, mais moins. C'est ce qu'on appelle le repos relatif."
                ),
            },
        },
        {
            "prompt": {
                "en": "How do you use ice on a warm, irritated knee?",
                "fr": "Comment utiliser la glace sur un genou chaud et irrité?",
            },
            "choices": [
                {
                    "en": "Wrapped in a thin damp cloth, 10 to 15 minutes at a time",
                    "fr": "Enveloppée d'un linge mince et humide, 10 à 15 minutes à la fois",
                },
                {
                    "en": "Straight on the skin for as long as I can",
                    "fr": "Directement sur la peau, aussi longtemps que possible",
                },
            ],
            "right": 1,
            "explanation": {
                "en": (
                    "Ice straight on the skin can harm it: wrap it, and about 10 to 15 "
                    "minutes at a time is enough."
                ),
                "fr": (
                    "La glace directement sur la peau peut l'abîmer : enveloppez-la, et "
                    "environ 10 à 15 minutes à la fois suffisent."
                ),
            },
            "passage": {
                "en": (
                    "Wrap an ice pack or a bag of frozen peas in a thin, damp cloth. Never "
                    "put ice straight on the skin. About 10 to 15 minutes at a time is enough."
                ),
                "fr": (
                    "Enveloppez un sac de glace ou un sac de petits pois surgelés dans un linge "
                    "mince et humide. Ne mettez jamais la glace directement sur la peau. "
                    "Environ 10 à 15 minutes à la fois suffisent."
                ),
            },
        },
    ],
}
