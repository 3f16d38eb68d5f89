"""Patient-education articles. Bodies are Markdown; headings start at level two."""

ARTICLES = [
    {
        "slug": "soreness-or-irritation",
        "title": "Sore muscles or an irritated knee?",
        "summary": (
            "How to tell ordinary muscle soreness after exercise from a knee joint that has "
            "become irritated, and what to do about each."
        ),
        "conditions": [],
        "body": """## Two kinds of pain after exercise

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
    },
    {
        "slug": "why-the-knee-hurts",
        "title": "Why does my knee hurt after exercise?",
        "summary": (
            "Knee pain after exercise is often about how much load the knee takes, and how "
            "well your hips and ankles share that work."
        ),
        "conditions": ["patellofemoral-pain", "it-band-syndrome", "patellar-tendinopathy"],
        "body": """## The knee sits in the middle

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
    },
    {
        "slug": "four-common-causes",
        "title": "Four common causes of knee pain after exercise",
        "summary": (
            "A plain guide to four common sources of knee pain after exercise: where each "
            "one hurts and what tends to set it off."
        ),
        "conditions": [
            "patellofemoral-pain",
            "it-band-syndrome",
            "patellar-tendinopathy",
            "knee-bursitis",
        ],
        "body": """## Start with three clues

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
    },
    {
        "slug": "first-aid-for-a-flare-up",
        "title": "First aid for a knee flare-up",
        "summary": (
            "What to do in the days right after your knee flares up: protect it, keep "
            "moving within comfort, and use ice, compression and elevation sensibly."
        ),
        "conditions": [],
        "body": """## Calm it down, but keep moving

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
    },
    {
        "slug": "building-resilient-knees",
        "title": "Building stronger, more resilient knees",
        "summary": (
            "Why hip strength matters for knee pain, and how five simple exercises plus some "
            "gentle mobility work can help keep the pain from coming back."
        ),
        "conditions": [
            "patellofemoral-pain",
            "it-band-syndrome",
            "patellar-tendinopathy",
            "knee-bursitis",
        ],
        "body": """## Why calming the pain is not enough

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
    },
    {
        "slug": "warning-signs",
        "title": "Warning signs: when to contact the clinic",
        "summary": (
            "Most knee pain after exercise settles with home care, but some signs need a "
            "check-up the same day, and a few need emergency care."
        ),
        "conditions": [],
        "body": """## Home care or a check-up?

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
    },
]
