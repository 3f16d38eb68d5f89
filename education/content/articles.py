"""Patient-education articles. Bodies are Markdown; headings start at level two.

Each text is given in each language ({"en": ..., "fr": ...}). The French is written for
Quebec and Franco-Ontarian readers, not word for word; the facts are the same.
"""

ARTICLES = [
    {
        "slug": "soreness-or-irritation",
        "title": {
            "en": "Sore muscles or an irritated knee?",
            "fr": "Muscles courbaturés ou genou irrité?",
        },
        "summary": {
            "en": (
                "How to tell ordinary muscle soreness after exercise from a knee joint that has "
                "become irritated, and what to do about each."
            ),
            "fr": (
                "Comment distinguer les courbatures musculaires normales après l'effort d'une "
                "articulation du genou qui s'est irritée, et que faire dans chaque cas."
            ),
        },
        "conditions": [],
        "body": {
            "en": """## Two kinds of pain after exercise

Feeling a bit sore after being active is common. This is especially true after a new
activity, or after doing more than usual. Most of the time, the soreness is in your
muscles and it is nothing to worry about.

Sometimes, though, the knee joint itself becomes irritated. That kind of pain behaves
differently, and it needs a different plan. Knowing which one you have helps you decide
what to do next.

## What ordinary muscle soreness is like

- It often starts several hours after you exercise.
- It is usually at its worst the next day or the day after.
- It feels like a broad, heavy ache across a whole muscle, such as the front of the
  thigh, the buttocks or the calves.
- It often feels about the same in both legs.
- It eases as you warm up and move around.
- It fades on its own within a few days.

This soreness simply means your muscles worked harder than they are used to. It is not a
sign of damage. Gentle walking and your usual daily activities often help it pass.

## What an irritated knee is like

- The pain is in or around the knee, not spread across a muscle.
- You can often point to the area: behind the kneecap, on the outer side, or just below
  the kneecap.
- It may feel sharp, pinching, burning or like a nagging ache.
- Certain movements set it off, such as stairs, getting up from a chair, squatting or
  kneeling.
- It tends to come back each time you repeat the same activity.

## What usually sets it off

Knee irritation often shows up after a change. Common examples are a quicker pace, a
hillier route, deeper squats or lunges, or a return to exercise after weeks off. Often
nothing hurts during the session. The ache shows up hours later, or first thing the next
morning.

## Three questions to ask yourself

1. **Where is the pain?** Broad and in the muscle, or in one area of the knee?
2. **What brings it on?** General movement, or one particular activity?
3. **Which way is it heading?** Is it a little better each day, or staying the same?

## What to do next

If it sounds like muscle soreness, keep moving gently. Go back to your usual routine as
the ache fades.

If it sounds like an irritated knee, do not stop moving altogether. Instead, cut back on
the activity that brings the pain on for a few days. Our article on first aid for a
flare-up explains how. Then begin the gentle exercises in your programme.

Here is a useful rule of thumb. Pain that fades during a lighter week, only to return
when you pick up your normal routine, usually means the underlying cause is still there.
Your physiotherapist can help you find out what that is.

## When to call us

Some signs need a check-up soon rather than home care. These include not being able to
put weight on the leg, clear swelling, a knee that locks or gives way, heat or redness
with a fever, and pain that keeps getting worse. Our warning signs article explains what
to do if any of these happen.
""",
            "fr": """## Deux sortes de douleur après l'effort

Il est courant d'avoir un peu mal après avoir été actif, surtout après une nouvelle
activité ou quand on en a fait plus que d'habitude. La plupart du temps, ce sont les
muscles qui sont courbaturés, et il n'y a pas lieu de s'inquiéter.

Il arrive toutefois que l'articulation du genou elle-même s'irrite. Cette douleur-là se
comporte autrement et demande une autre approche. Savoir laquelle des deux vous avez vous
aide à choisir quoi faire ensuite.

## À quoi ressemblent des courbatures ordinaires

- Elles commencent souvent plusieurs heures après l'exercice.
- Elles sont habituellement au pire le lendemain ou le surlendemain.
- On dirait une douleur large et lourde dans tout un muscle, par exemple l'avant de la
  cuisse, les fesses ou les mollets.
- Elles se font souvent sentir à peu près autant dans les deux jambes.
- Elles diminuent quand vous vous réchauffez et que vous bougez.
- Elles disparaissent d'elles-mêmes en quelques jours.

Ces courbatures veulent simplement dire que vos muscles ont travaillé plus fort que
d'habitude. Ce n'est pas un signe de blessure. Marcher doucement et faire vos activités
quotidiennes aide souvent à les faire passer.

## À quoi ressemble un genou irrité

- La douleur est dans le genou ou autour, et non répandue dans un muscle.
- Vous pouvez souvent montrer l'endroit : derrière la rotule, sur le côté extérieur ou
  juste sous la rotule.
- Elle peut être vive, pincer, brûler ou ressembler à une douleur lancinante.
- Certains mouvements la déclenchent, comme les escaliers, se lever d'une chaise, s'accroupir
  ou se mettre à genoux.
- Elle a tendance à revenir chaque fois que vous refaites la même activité.

## Ce qui la déclenche habituellement

L'irritation du genou apparaît souvent après un changement : un rythme plus rapide, un
parcours avec plus de côtes, des squats ou des fentes plus profonds, ou un retour à
l'entraînement après quelques semaines d'arrêt. Souvent, rien ne fait mal pendant la
séance. La douleur arrive quelques heures plus tard, ou au réveil le lendemain.

## Trois questions à vous poser

1. **Où avez-vous mal?** Partout dans le muscle, ou à un endroit du genou?
2. **Qu'est-ce qui déclenche la douleur?** Le mouvement en général, ou une activité en
   particulier?
3. **Dans quel sens ça évolue?** Est-ce un peu mieux chaque jour, ou est-ce que ça reste
   pareil?

## Que faire ensuite

Si cela ressemble à des courbatures, continuez de bouger doucement. Reprenez vos
habitudes à mesure que la douleur s'estompe.

Si cela ressemble plutôt à un genou irrité, n'arrêtez pas complètement de bouger. Réduisez
plutôt pendant quelques jours l'activité qui provoque la douleur. Notre article sur les
premiers soins en cas de poussée de douleur explique comment faire. Commencez ensuite les
exercices doux de votre programme.

Voici un bon repère : une douleur qui s'estompe pendant une semaine plus tranquille, puis
revient dès que vous reprenez votre routine normale, veut habituellement dire que la cause
est toujours là. Votre physiothérapeute peut vous aider à la trouver.

## Quand nous appeler

Certains signes demandent un examen rapide plutôt que des soins à la maison : ne pas
pouvoir mettre de poids sur la jambe, une enflure évidente, un genou qui se bloque ou qui
lâche, de la chaleur ou une rougeur accompagnées de fièvre, et une douleur qui ne cesse
d'empirer. Notre article sur les signes d'alerte explique quoi faire si l'un d'eux
apparaît.
""",
        },
    },
    {
        "slug": "why-the-knee-hurts",
        "title": {
            "en": "Why does my knee hurt after exercise?",
            "fr": "Pourquoi mon genou me fait-il mal après l'effort?",
        },
        "summary": {
            "en": (
                "Knee pain after exercise is often about how much load the knee takes, and how "
                "well your hips and ankles share that work."
            ),
            "fr": (
                "La douleur au genou après l'effort dépend souvent de la charge que le genou "
                "supporte, et de la façon dont vos hanches et vos chevilles partagent ce travail."
            ),
        },
        "conditions": [
            "patellofemoral-pain",
            "it-band-syndrome",
            "patellar-tendinopathy",
        ],
        "body": {
            "en": """## The knee sits in the middle

Your knee is a hinge between your hip and your foot. It bends and straightens, absorbs
impact and passes force up and down the leg. It also has to resist twisting. When the
whole leg works as a team, exercise feels smooth and strong. If one link in that chain
is not doing its share, the knee tends to pick up the slack.

## What happens with every step

Each time you walk, climb stairs, squat, run or land from a jump, several things happen
at once:

- The knee takes your weight, along with the force of your foot meeting the ground.
- The kneecap needs to slide smoothly in its groove on the thigh bone.
- Your buttock, thigh and calf muscles work together to guide the leg.
- The position of your hip and foot affects whether the knee stays in line.

If any of these is off, the knee can start to wander from its usual path. The result is
seldom a sudden injury. Instead, small amounts of strain add up over weeks.

## Load and recovery

Your tissues can get stronger, but they need time to adapt. Trouble starts when the load
rises faster than the knee can keep up with. Common reasons include:

- doing too much, such as more distance or more sessions
- working too hard, such as a faster pace, more weight or deeper squats
- not resting enough between sessions

## The role of the hips

The muscles around your hip keep your thigh from rolling inward. If they are weak, the
knee tends to sag inward on stairs, in squats, when running and when landing. This can
pull the kneecap off its usual path. That is why strengthening only the front of the
thigh is often not enough. The hips need attention too.

## The role of the ankles

A stiff ankle does not let the shin move forward over the foot very far. To make up for
it, more force shifts to the front of the knee. This often shows up during squats, on
stairs and when landing.

## Fatigue and technique

It is common for form to be good early in a workout and to slip as tiredness sets in.
Fast, rushed repetitions also tend to bother the knee more than slow, careful ones.

## Where it hurts is not always where it started

The sore spot shows where the strain ends up. It does not always show where the trouble
began, which may be a weak hip or a stiff ankle. That is why a break or a massage can
ease things for a bit, yet the ache returns once training picks up again. The leg is
still moving in the same way.

## What this means for you

Lasting relief usually needs two things at once. First, calm the sore area down. Second,
help the hips, thighs and calves share the load better. Your exercise programme is built
to do both. Your physiotherapist can also check how your leg moves and adjust the plan
to suit you.
""",
            "fr": """## Le genou est au milieu

Votre genou est une charnière entre la hanche et le pied. Il plie et se déplie, amortit
les chocs et transmet les forces le long de la jambe. Il doit aussi résister aux
torsions. Quand toute la jambe travaille en équipe, l'exercice se fait en douceur et avec
force. Si un maillon de la chaîne ne fait pas sa part, c'est souvent le genou qui
compense.

## Ce qui se passe à chaque pas

Chaque fois que vous marchez, montez un escalier, vous accroupissez, courez ou atterrissez
après un saut, plusieurs choses se produisent en même temps :

- Le genou supporte votre poids et la force du pied qui frappe le sol.
- La rotule doit glisser en douceur dans son sillon, sur l'os de la cuisse.
- Les muscles des fesses, des cuisses et des mollets travaillent ensemble pour guider la
  jambe.
- La position de la hanche et du pied influence l'alignement du genou.

Si l'un de ces éléments flanche, le genou peut commencer à dévier de sa trajectoire
habituelle. Il en résulte rarement une blessure soudaine. Ce sont plutôt de petites
contraintes qui s'accumulent au fil des semaines.

## La charge et la récupération

Vos tissus peuvent devenir plus forts, mais ils ont besoin de temps pour s'adapter. Les
problèmes commencent quand la charge augmente plus vite que ce que le genou peut suivre.
Voici les causes les plus fréquentes :

- en faire trop, par exemple plus de distance ou plus de séances
- forcer trop, par exemple un rythme plus rapide, plus de poids ou des squats plus
  profonds
- ne pas se reposer assez entre les séances

## Le rôle des hanches

Les muscles autour de la hanche empêchent la cuisse de tourner vers l'intérieur. S'ils
sont faibles, le genou a tendance à s'affaisser vers l'intérieur dans les escaliers, les
squats, à la course et à la réception des sauts. La rotule peut alors être tirée hors de
sa trajectoire habituelle. C'est pourquoi renforcer seulement l'avant de la cuisse ne
suffit souvent pas : il faut aussi s'occuper des hanches.

## Le rôle des chevilles

Une cheville raide ne laisse pas le tibia avancer bien loin au-dessus du pied. Pour
compenser, une plus grande partie de la force se reporte sur l'avant du genou. On le
remarque souvent dans les squats, dans les escaliers et à la réception des sauts.

## La fatigue et la technique

Il est courant de bien exécuter les mouvements au début d'une séance, puis de perdre sa
technique à mesure que la fatigue s'installe. Les répétitions rapides et précipitées
dérangent aussi davantage le genou que les répétitions lentes et contrôlées.

## L'endroit qui fait mal n'est pas toujours celui où le problème a commencé

L'endroit douloureux montre où la contrainte aboutit. Il ne montre pas toujours où le
problème a commencé, par exemple une hanche faible ou une cheville raide. C'est pourquoi
une pause ou un massage peut soulager un moment, mais la douleur revient quand
l'entraînement reprend : la jambe bouge toujours de la même façon.

## Ce que cela veut dire pour vous

Un soulagement durable demande habituellement deux choses en même temps. D'abord, calmer
la zone douloureuse. Ensuite, aider les hanches, les cuisses et les mollets à mieux
partager la charge. Votre programme d'exercices est conçu pour faire les deux. Votre
physiothérapeute peut aussi observer comment votre jambe bouge et adapter le plan à vos
besoins.
""",
        },
    },
    {
        "slug": "four-common-causes",
        "title": {
            "en": "Four common causes of knee pain after exercise",
            "fr": "Quatre causes fréquentes de douleur au genou après l'effort",
        },
        "summary": {
            "en": (
                "A plain guide to four common sources of knee pain after exercise: where each one "
                "hurts and what tends to set it off."
            ),
            "fr": (
                "Un guide simple de quatre sources fréquentes de douleur au genou après l'effort : "
                "où chacune fait mal et ce qui la déclenche habituellement."
            ),
        },
        "conditions": [
            "patellofemoral-pain",
            "it-band-syndrome",
            "patellar-tendinopathy",
            "knee-bursitis",
        ],
        "body": {
            "en": """## Start with three clues

A physiotherapist usually looks for patterns before giving a name to knee pain. The
exact place it hurts, the activity that sets it off, and its timing all help. Timing
means whether it comes on during exercise, soon after, or the next day.

## The four at a glance

| Condition | Where it hurts | What brings it on |
|---|---|---|
| Patellofemoral pain | Behind or around the kneecap | Running, stairs, squats, long sitting |
| IT band syndrome | Outer side of the knee | Running, cycling, bending the knee over and over |
| Patellar tendinopathy | Just below the kneecap | Jumping, sprinting, hard landings |
| Knee bursitis | One tender spot at the front, inner or outer knee | Kneeling, pressure, rubbing |

These problems can look alike, and more than one can be present at the same time.

## Patellofemoral pain syndrome

This is one of the most common reasons for knee pain after exercise. It is a dull ache
behind or around the kneecap. It is often worse after running, squats, lunges or stairs.
Sitting for a long time with your knees bent, such as in a car or a theatre seat, can
also bring it on.

It often goes along with weak thigh muscles and hip muscles that do not guide the leg
well. The kneecap copes poorly with repeated strain when the hip and thigh are not
keeping the leg in line.

## IT band syndrome

Here the pain sits on the outer edge of the knee. People who run or cycle often feel a
sharp or burning sensation. It tends to appear at about the same point in each outing,
such as after a set distance or at a harder pace. Early on it may fade once they are
warmed up. As time goes by, it shows up earlier.

When the ache is on the outer edge and comes with repetitive bending, the kneecap is
less likely to be the source. The tissue along the outside of the knee is the more
likely culprit.

## Patellar tendinopathy

The sore spot here is the tendon that runs from the bottom of the kneecap down to the
shin. People tend to notice it when they jump, sprint, start quickly or do heavy leg
workouts. The pain is usually in one small place. Fast, forceful efforts bother it far
more than gentle ones.

Pulling hard on a painful tendon rarely helps. What tends to work is steady
strengthening, with the load raised slowly over several weeks.

## Knee bursitis

A bursa is a small sac of fluid that helps tissues glide. An irritated bursa can cause a
tender spot, some swelling and discomfort when pressed or rubbed. Kneeling, direct
pressure and repeated friction are common causes.

It is rarely severe, but it is easy to pinpoint. There is one tender place, and pressing
on it makes it hurt more. So does anything that squeezes that part of the knee.

## A simple guide

Pain you can cover with a fingertip usually comes from a small structure, such as a
tendon or a bursa. A vaguer ache spread around the kneecap more often relates to how the
leg moves and shares the load.

Your physiotherapist will confirm what is going on and tailor your exercises. If you
notice any of the warning signs in our warning signs article, contact the clinic.
""",
            "fr": """## Trois indices pour commencer

Avant de nommer une douleur au genou, le physiothérapeute cherche habituellement des
tendances. L'endroit exact de la douleur, l'activité qui la déclenche et le moment où
elle apparaît sont tous utiles. Le moment, c'est de savoir si elle arrive pendant
l'exercice, peu après ou le lendemain.

## Les quatre en un coup d'œil

| Problème | Où ça fait mal | Ce qui le déclenche |
|---|---|---|
| Douleur fémoro-patellaire | Derrière la rotule ou autour | Course, escaliers, squats, position assise prolongée |
| Syndrome de la bandelette iliotibiale | Côté extérieur du genou | Course, vélo, plier le genou encore et encore |
| Tendinopathie rotulienne | Juste sous la rotule | Sauts, sprints, réceptions brusques |
| Bursite du genou | Un point sensible à l'avant, à l'intérieur ou à l'extérieur du genou | Position à genoux, pression, frottement |

Ces problèmes peuvent se ressembler, et il est possible d'en avoir plus d'un à la fois.

## Syndrome fémoro-patellaire

C'est l'une des causes les plus fréquentes de douleur au genou après l'effort. Il s'agit
d'une douleur sourde derrière la rotule ou autour. Elle est souvent pire après la course,
les squats, les fentes ou les escaliers. Rester assis longtemps les genoux pliés, par
exemple en voiture ou au cinéma, peut aussi la déclencher.

Elle va souvent de pair avec des muscles de la cuisse faibles et des muscles de la hanche
qui guident mal la jambe. La rotule tolère mal les contraintes répétées quand la hanche et
la cuisse ne gardent pas la jambe bien alignée.

## Syndrome de la bandelette iliotibiale

Ici, la douleur se situe sur le bord extérieur du genou. Les personnes qui courent ou font
du vélo ressentent souvent une douleur vive ou une sensation de brûlure. Elle apparaît en
général à peu près au même moment de chaque sortie, par exemple après une certaine
distance ou à un rythme plus soutenu. Au début, elle peut s'estomper une fois le corps
réchauffé. Avec le temps, elle se manifeste plus tôt.

Quand la douleur est sur le bord extérieur et qu'elle accompagne des flexions répétées, la
rotule est moins susceptible d'en être la source. Ce sont plus probablement les tissus le
long de l'extérieur du genou qui sont en cause.

## Tendinopathie rotulienne

L'endroit douloureux est ici le tendon qui va du bas de la rotule jusqu'au tibia. On le
remarque surtout en sautant, en sprintant, en démarrant vite ou lors d'entraînements
intenses des jambes. La douleur est habituellement à un petit endroit précis. Les efforts
rapides et puissants la dérangent beaucoup plus que les efforts doux.

Tirer fort sur un tendon douloureux aide rarement. Ce qui fonctionne habituellement, c'est
un renforcement régulier, en augmentant la charge lentement sur plusieurs semaines.

## Bursite du genou

Une bourse est un petit sac de liquide qui aide les tissus à glisser. Une bourse irritée
peut causer un point sensible, un peu d'enflure et de l'inconfort quand on appuie dessus
ou qu'il y a du frottement. La position à genoux, une pression directe et le frottement
répété en sont des causes fréquentes.

C'est rarement grave, mais c'est facile à localiser. Il y a un seul endroit sensible, et
appuyer dessus fait plus mal. Tout ce qui comprime cette partie du genou aussi.

## Un repère simple

Une douleur que vous pouvez couvrir du bout du doigt vient habituellement d'une petite
structure, comme un tendon ou une bourse. Une douleur plus vague, répandue autour de la
rotule, est plus souvent liée à la façon dont la jambe bouge et partage la charge.

Votre physiothérapeute confirmera ce qui se passe et adaptera vos exercices. Si vous
remarquez l'un des signes décrits dans notre article sur les signes d'alerte, communiquez
avec la clinique.
""",
        },
    },
    {
        "slug": "first-aid-for-a-flare-up",
        "title": {
            "en": "First aid for a knee flare-up",
            "fr": "Premiers soins en cas de poussée de douleur au genou",
        },
        "summary": {
            "en": (
                "What to do in the days right after your knee flares up: protect it, keep moving "
                "within comfort, and use ice, compression and elevation sensibly."
            ),
            "fr": (
                "Quoi faire dans les jours qui suivent une poussée de douleur au genou : le "
                "protéger, continuer de bouger sans dépasser votre zone de confort, et utiliser la "
                "glace, la compression et l'élévation avec bon sens."
            ),
        },
        "conditions": [],
        "body": {
            "en": """## Calm it down, but keep moving

When your knee flares up after exercise, it is tempting to stop everything. That is
rarely needed unless you are struggling to walk. A mild or moderate flare-up usually
calms down faster if you stay active in a reduced way. This is called relative rest. You
ease off whatever sets off the pain, and keep the knee gently on the move.

Long stretches of doing nothing tend to stiffen the joint and weaken the muscles around
it. Getting back to your activities then takes longer. The steps below, often remembered
as PRICE, can help. Use them as a guide, not a strict set of rules.

## Protection

For a few days, ease off whatever is obviously bothering the knee. This might mean:

- skipping jumping and hopping
- running shorter distances, or not running for now
- making squats shallower
- lifting lighter weights

## Rest, the relative kind

Relative rest is not the same as lying on the sofa. Keep doing what feels comfortable,
such as short, easy walks, a gentle ride on a stationary bike, or slowly bending and
straightening the knee. This keeps the joint supple. Mild discomfort that settles
quickly is usually fine. Pain that builds or lasts into the next day is a sign to do
less.

## Ice

Cooling can help calm a warm, irritated knee after activity. Wrap an ice pack or a bag
of frozen peas in a thin, damp cloth. Never put ice straight on the skin. About 10 to 15
minutes at a time is enough. Check with your physiotherapist first if you have poor
feeling in your legs or problems with your circulation.

## Compression

A light knee sleeve or elastic wrap can make the knee more comfortable. Some people say
it helps the knee feel more steady. It should feel snug, not tight. Loosen or remove it
if your lower leg throbs, tingles, goes numb or changes colour.

## Elevation

If the knee looks puffy after activity, rest with your leg raised on a cushion for a
short while. Ideally, the knee should be a little above the level of your heart. This
can help the swelling go down.

## Creams and gels

Creams that feel cooling or warming on the skin can take the edge off for a while. Ask
your pharmacist which product is safe for you, especially if you take other medicines.
Treat any relief as a chance to move gently. Feeling less pain does not mean the knee is
ready for a hard session.

## Things to avoid early on

- **Do not stretch hard into the pain.** Pulling hard on a sore tendon, or on the front
  of the knee, usually makes it angrier.
- **Do not keep testing it.** Checking again and again whether it still hurts keeps the
  irritation going.
- **Do not stop moving completely.** A knee that is kept still gets stiff, and that
  usually adds to the pain.
- **Do not jump back to full training after one good day.** Build back up gradually,
  even when the pain eases.

## What comes next

Once the flare-up begins to settle, start the gentle exercises in your programme. If the
knee does not improve over a few days, or if you notice any warning signs, contact the
clinic.
""",
            "fr": """## Calmer le genou, mais continuer de bouger

Quand votre genou fait une poussée de douleur après l'effort, on est tenté de tout
arrêter. C'est rarement nécessaire, sauf si vous avez du mal à marcher. Une poussée légère
ou modérée se calme habituellement plus vite si vous restez actif, mais en en faisant
moins. C'est ce qu'on appelle le repos relatif : vous réduisez ce qui déclenche la
douleur, et vous continuez de bouger doucement le genou.

Rester longtemps sans rien faire a tendance à raidir l'articulation et à affaiblir les
muscles autour. Le retour à vos activités prend alors plus de temps. Les étapes
ci-dessous, souvent résumées par l'acronyme anglais PRICE (protection, repos, glace,
compression, élévation), peuvent vous aider. Voyez-les comme un guide, et non comme des
règles strictes.

## Protection

Pendant quelques jours, réduisez ce qui dérange clairement le genou. Par exemple :

- laisser tomber les sauts et les bonds
- courir de plus courtes distances, ou arrêter la course pour l'instant
- faire des squats moins profonds
- soulever des poids plus légers

## Le repos, mais le repos relatif

Le repos relatif, ce n'est pas rester étendu sur le divan. Continuez ce qui reste
confortable : de courtes marches faciles, un peu de vélo stationnaire en douceur, ou plier
et déplier lentement le genou. Cela garde l'articulation souple. Un léger inconfort qui
passe vite est habituellement sans problème. Une douleur qui augmente ou qui dure
jusqu'au lendemain est un signe qu'il faut en faire moins.

## Glace

Le froid peut aider à calmer un genou chaud et irrité après une activité. Enveloppez un
sac de glace ou un sac de petits pois congelés dans un linge mince et humide. Ne mettez
jamais la glace directement sur la peau. Environ 10 à 15 minutes à la fois suffisent.
Parlez-en d'abord à votre physiothérapeute si vous avez une sensibilité réduite dans les
jambes ou des problèmes de circulation.

## Compression

Un manchon léger pour le genou ou un bandage élastique peut rendre le genou plus
confortable. Certaines personnes disent que cela leur donne l'impression d'un genou plus
stable. Il doit être ajusté, sans serrer. Desserrez-le ou enlevez-le si le bas de la
jambe se met à élancer, à picoter, s'engourdit ou change de couleur.

## Élévation

Si le genou semble enflé après une activité, reposez-vous un moment la jambe surélevée
sur un coussin. Idéalement, le genou devrait être un peu plus haut que le cœur. Cela peut
aider l'enflure à diminuer.

## Crèmes et gels

Les crèmes qui donnent une sensation de froid ou de chaleur sur la peau peuvent atténuer
la douleur pour un temps. Demandez à votre pharmacien quel produit vous convient, surtout
si vous prenez d'autres médicaments. Profitez du soulagement pour bouger doucement. Avoir
moins mal ne veut pas dire que le genou est prêt pour une séance intense.

## Ce qu'il vaut mieux éviter au début

- **N'étirez pas fort dans la douleur.** Tirer fort sur un tendon douloureux, ou sur
  l'avant du genou, l'irrite habituellement encore plus.
- **Ne le testez pas sans arrêt.** Vérifier encore et encore si ça fait toujours mal
  entretient l'irritation.
- **N'arrêtez pas complètement de bouger.** Un genou qu'on garde immobile devient raide,
  ce qui ajoute habituellement à la douleur.
- **Ne reprenez pas l'entraînement complet après une seule bonne journée.** Augmentez
  progressivement, même quand la douleur diminue.

## Et ensuite

Dès que la poussée commence à se calmer, commencez les exercices doux de votre programme.
Si le genou ne s'améliore pas au bout de quelques jours, ou si vous remarquez un signe
d'alerte, communiquez avec la clinique.
""",
        },
    },
    {
        "slug": "building-resilient-knees",
        "title": {
            "en": "Building stronger, more resilient knees",
            "fr": "Des genoux plus forts et plus résistants",
        },
        "summary": {
            "en": (
                "Why hip strength matters for knee pain, and how five simple exercises plus some "
                "gentle mobility work can help keep the pain from coming back."
            ),
            "fr": (
                "Pourquoi la force des hanches compte pour la douleur au genou, et comment cinq "
                "exercices simples et un peu de mobilité en douceur peuvent aider à empêcher la "
                "douleur de revenir."
            ),
        },
        "conditions": [
            "patellofemoral-pain",
            "it-band-syndrome",
            "patellar-tendinopathy",
            "knee-bursitis",
        ],
        "body": {
            "en": """## Why calming the pain is not enough

First aid and a lighter week help a sore knee feel better. They do not change the
reasons it got sore. Unless those change, the pain tends to return when activity picks
up. For relief that lasts, the muscles at the hip, thigh and calf need to get stronger
so they can support the knee.

## Why the hips come first

It is natural to think that a sore knee needs a stronger front thigh. That helps, but it
misses a big piece. The muscles around your hip keep the thigh from rolling inward. When
they are weak, the knee tends to drift inward under load, and the kneecap may not glide
as smoothly as it should.

This is why your programme includes hip exercises, even though it is your knee that
hurts. Strengthening only the thigh can leave the main problem untouched.

## The five foundation exercises

These five exercises are low-impact and can be done at home. They are useful while you
recover and also to help prevent future flare-ups. Your programme shows the steps, the
number of repetitions and how often to do each one.

1. **Glute bridge.** Lying on your back, you lift your hips to work the buttock muscles.
   Smooth, controlled lifts matter more than lifting high.
2. **Clamshell.** Lying on your side, you open your top knee like a shell. This works
   the side of the hip. It is a small movement, and it needs to be done carefully.
3. **Quad set.** With your leg straight, you tighten the front of your thigh. This is
   helpful when the knee is too sore for bigger movements.
4. **Step-down.** From a low step, you slowly lower one heel to the floor. This trains
   control. A knee that wobbles or drifts inward is a sign that the hip muscles need
   more training.
5. **Calf raise.** You rise up onto your toes and lower slowly. Strong calves help share
   the load of walking, stairs and running.

## Mobility that helps

A tight feeling is not always a sign that a muscle needs stretching. Even so, some
gentle mobility work can help the leg move better:

- **Ankle mobility** can help if your ankles feel stiff in squats or on stairs.
- **Hip flexor mobility** can ease the front of the hip after long periods of sitting.
- **Gentle thigh mobility** can help when the front of the thigh feels tight. Leave it
  out while the front of your knee is flared up.

## Control before intensity

Quality comes first. Add weight, speed or a higher step only once you can do the
movement slowly and steadily.

Most of the strengthening exercises have easier and harder versions. Move to a harder
version only when the current one feels easy and the knee stays settled the next day.

## Aim for better movement

Feeling tired after your exercises does not by itself mean they are working. The real
goal is smoother, steadier movement on stairs, in squats and on your walks or runs. That
is what changes how your knee feels.

## Listen to your knee

Mild, short-lived discomfort during these exercises is usually fine. If an exercise
makes the pain sharply worse, make the movement smaller or stop it. Then let us know at
your next visit. If you notice any of the warning signs, contact the clinic.
""",
            "fr": """## Pourquoi calmer la douleur ne suffit pas

Les premiers soins et une semaine plus tranquille aident un genou douloureux à aller
mieux. Ils ne changent pas pour autant les raisons pour lesquelles il est devenu
douloureux. Tant que ces raisons restent, la douleur a tendance à revenir quand l'activité
reprend. Pour un soulagement durable, les muscles de la hanche, de la cuisse et du mollet
doivent devenir plus forts afin de soutenir le genou.

## Pourquoi commencer par les hanches

On pense naturellement qu'un genou douloureux a besoin d'une cuisse plus forte à l'avant.
Cela aide, mais il manque une grosse partie de l'histoire. Les muscles autour de la hanche
empêchent la cuisse de tourner vers l'intérieur. Quand ils sont faibles, le genou a
tendance à partir vers l'intérieur sous la charge, et la rotule peut moins bien glisser.

C'est pourquoi votre programme comprend des exercices pour les hanches, même si c'est
votre genou qui fait mal. Renforcer seulement la cuisse peut laisser le problème principal
de côté.

## Les cinq exercices de base

Ces cinq exercices sont sans impact et se font à la maison. Ils sont utiles pendant votre
rétablissement et aussi pour prévenir de futures poussées de douleur. Votre programme
indique les étapes, le nombre de répétitions et la fréquence de chacun.

1. **Pont fessier.** Couché sur le dos, vous soulevez les hanches pour faire travailler
   les muscles fessiers. Des montées lentes et contrôlées comptent plus que la hauteur.
2. **Palourde.** Couché sur le côté, vous ouvrez le genou du dessus comme un coquillage.
   Cela fait travailler le côté de la hanche. Le mouvement est petit, et il doit être fait
   avec soin.
3. **Contraction du quadriceps.** La jambe allongée, vous contractez l'avant de la
   cuisse. C'est utile quand le genou est trop douloureux pour de plus grands mouvements.
4. **Descente de marche.** Debout sur une marche basse, vous descendez lentement un talon
   vers le sol. Cela entraîne le contrôle. Un genou qui vacille ou part vers l'intérieur
   est signe que les muscles de la hanche ont besoin de plus d'entraînement.
5. **Montée sur la pointe des pieds.** Vous montez sur la pointe des pieds et redescendez
   lentement. Des mollets forts aident à partager l'effort de la marche, des escaliers et
   de la course.

## La mobilité qui aide

Une sensation de raideur ne veut pas toujours dire qu'un muscle a besoin d'être étiré.
Malgré tout, un peu de mobilité en douceur peut aider la jambe à mieux bouger :

- **La mobilité de la cheville** peut aider si vos chevilles sont raides dans les squats
  ou dans les escaliers.
- **La mobilité des fléchisseurs de la hanche** peut assouplir l'avant de la hanche après
  de longues périodes en position assise.
- **La mobilité douce de la cuisse** peut aider quand l'avant de la cuisse est raide.
  Laissez-la de côté tant que l'avant de votre genou est irrité.

## Le contrôle avant l'intensité

La qualité passe en premier. Ajoutez du poids, de la vitesse ou une marche plus haute
seulement quand vous faites déjà le mouvement lentement et de façon stable.

La plupart des exercices de renforcement ont une version plus facile et une version plus
difficile. Passez à la version plus difficile seulement quand la version actuelle vous
semble facile et que le genou reste calme le lendemain.

## Viser un meilleur mouvement

Se sentir fatigué après ses exercices ne veut pas dire, à lui seul, qu'ils fonctionnent.
Le vrai but, c'est un mouvement plus fluide et plus stable dans les escaliers, les squats
et pendant vos marches ou vos courses. C'est ce qui change la façon dont votre genou se
sent.

## Écoutez votre genou

Un inconfort léger et de courte durée pendant ces exercices est habituellement sans
problème. Si un exercice augmente fortement la douleur, réduisez l'amplitude du mouvement
ou arrêtez-le. Parlez-nous-en ensuite à votre prochaine visite. Si vous remarquez un signe
d'alerte, communiquez avec la clinique.
""",
        },
    },
    {
        "slug": "warning-signs",
        "title": {
            "en": "Warning signs: when to contact the clinic",
            "fr": "Signes d'alerte : quand communiquer avec la clinique",
        },
        "summary": {
            "en": (
                "Most knee pain after exercise settles with home care, but some signs need a "
                "check-up the same day, and a few need emergency care."
            ),
            "fr": (
                "La plupart des douleurs au genou après l'effort se calment avec des soins à la "
                "maison, mais certains signes demandent un examen le jour même, et quelques-uns, "
                "des soins d'urgence."
            ),
        },
        "conditions": [],
        "body": {
            "en": """## Home care or a check-up?

Many flare-ups of knee pain after exercise settle with a short break from the activity
that caused them, plus gentle exercise. A few signs, however, suggest something more
than simple irritation. These need to be looked at by a professional.

This list is here to help you act at the right time. Getting the right care early makes
most knee problems easier to sort out.

## Contact the clinic the same day if:

- **You cannot put weight on your leg.** If you cannot stand or walk on it properly,
  have it checked rather than waiting.
- **Your knee is clearly swollen or has changed shape.** If it puffs up fast, or looks a
  different shape from the other knee, it should be examined.
- **Your knee locks, catches or gives way.** A knee that gets stuck, or suddenly buckles
  under you, may mean something inside the joint is affected.
- **You have a fever, or the knee is red or unusually warm.** These can be signs of
  infection or inflammation in the joint.
- **Your pain keeps getting worse, even though you have cut back.** Pain that climbs
  even after you have eased off and followed the home advice needs to be assessed.

If you notice any of these, call the clinic the same day. Tell us which sign you have
noticed and when it started. Until you are seen, avoid the activity that brought on the
pain. Do not try to test the knee.

## Call 911 or go to the emergency department if:

- you have sudden, severe knee pain after a fall or accident
- your knee is hot, red and swollen, and you have a fever and feel unwell
- your leg looks badly out of place, or you cannot move it
- your lower leg or foot becomes cold, pale or numb

Do not wait for a clinic appointment if you notice any of these. Get emergency help
right away.

## Non-urgent health advice

If you are unsure how urgent your symptoms are, and the clinic is closed, you can get
advice from a nurse by phone:

- **Ontario:** call Health811 by dialling 811.
- **Quebec:** call Info-Santé by dialling 811.

These services can help you decide whether to wait for the clinic, see a doctor or go to
the emergency department. If you believe it is an emergency, call 911.

## Pain that keeps coming back

You do not have to accept knee pain as part of being active, even if there was no
injury. Book an appointment if:

- the pain keeps coming back
- you trust the knee less than before
- you have changed your routine several times without much progress

An assessment can show what is behind it. It may be too much load, a kneecap that is not
gliding well, or a sore tendon. Now and then it is something that needs an X-ray or
another kind of scan.

A day or two of soreness is part of being active. A knee that hurts again and again, or
makes you move differently, deserves a closer look.
""",
            "fr": """## Soins à la maison ou examen?

Beaucoup de poussées de douleur au genou après l'effort se calment avec une courte pause
de l'activité qui les a causées, et des exercices doux. Certains signes, toutefois, font
penser à autre chose qu'une simple irritation. Ils doivent être évalués par un
professionnel de la santé.

Cette liste est là pour vous aider à agir au bon moment. Obtenir les bons soins tôt rend
la plupart des problèmes de genou plus faciles à régler.

## Communiquez avec la clinique le jour même si :

- **Vous ne pouvez pas mettre de poids sur votre jambe.** Si vous ne pouvez pas vous
  tenir debout ou marcher normalement, faites-la examiner plutôt que d'attendre.
- **Votre genou est nettement enflé ou a changé de forme.** S'il enfle rapidement, ou
  s'il n'a pas la même forme que l'autre genou, il doit être examiné.
- **Votre genou se bloque, accroche ou lâche.** Un genou qui reste coincé, ou qui cède
  tout à coup sous vous, peut vouloir dire qu'une structure dans l'articulation est
  touchée.
- **Vous faites de la fièvre, ou le genou est rouge ou anormalement chaud.** Ce peuvent
  être des signes d'infection ou d'inflammation de l'articulation.
- **Votre douleur ne cesse d'empirer, même si vous en faites moins.** Une douleur qui
  augmente alors que vous avez réduit vos activités et suivi les conseils de soins à la
  maison doit être évaluée.

Si vous remarquez l'un de ces signes, appelez la clinique le jour même. Dites-nous quel
signe vous avez remarqué et quand il a commencé. D'ici à ce que vous soyez vu, évitez
l'activité qui a provoqué la douleur. N'essayez pas de tester votre genou.

## Composez le 911 ou allez à l'urgence si :

- vous avez une douleur soudaine et intense au genou après une chute ou un accident
- votre genou est chaud, rouge et enflé, et vous faites de la fièvre et vous sentez mal
- votre jambe semble gravement déplacée, ou vous ne pouvez pas la bouger
- le bas de votre jambe ou votre pied devient froid, pâle ou engourdi

N'attendez pas un rendez-vous à la clinique si vous remarquez l'un de ces signes. Obtenez
de l'aide d'urgence tout de suite.

## Conseils santé non urgents

Si vous ne savez pas à quel point vos symptômes sont urgents et que la clinique est
fermée, vous pouvez obtenir les conseils d'une infirmière ou d'un infirmier par
téléphone :

- **Ontario :** appelez Santé 811 en composant le 811.
- **Québec :** appelez Info-Santé en composant le 811.

Ces services peuvent vous aider à décider s'il vaut mieux attendre la clinique, consulter
un médecin ou aller à l'urgence. Si vous croyez qu'il s'agit d'une urgence, composez le
911.

## Une douleur qui revient sans cesse

Vous n'avez pas à accepter la douleur au genou comme faisant partie d'une vie active,
même s'il n'y a pas eu de blessure. Prenez rendez-vous si :

- la douleur revient sans cesse
- vous avez moins confiance en votre genou qu'avant
- vous avez changé votre routine plusieurs fois sans beaucoup de progrès

Une évaluation peut montrer ce qui se cache derrière. Il peut s'agir d'une charge trop
grande, d'une rotule qui ne glisse pas bien ou d'un tendon douloureux. Il arrive aussi,
à l'occasion, que le problème demande une radiographie ou un autre examen d'imagerie.

Un jour ou deux de courbatures font partie d'une vie active. Un genou qui fait mal encore
et encore, ou qui vous fait bouger autrement, mérite qu'on y regarde de plus près.
""",
        },
    },
]
