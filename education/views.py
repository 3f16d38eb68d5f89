from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from education.access import is_library_staff, library_staff_only
from education.forms import LibrarySearchForm
from education.models import Article, Exercise, ProgrammeTemplate


@require_GET
@library_staff_only
def index(request):
    user = request.user
    form = LibrarySearchForm(request.GET, user=user)
    exercises, articles, programmes = [], [], []
    if form.is_valid():
        filters = form.filters()
        exercises = list(Exercise.objects.for_staff(user).for_library().search(**filters))
        articles = list(
            Article.objects.for_staff(user)
            .for_library()
            .search(q=filters["q"], condition=filters["condition"])
        )
        programmes = list(ProgrammeTemplate.objects.for_staff(user).for_library().search(**filters))
    return render(
        request,
        "education/index.html",
        {
            "form": form,
            "searched": any(request.GET.get(name) for name in form.fields),
            "result_count": len(exercises) + len(articles) + len(programmes),
            "exercises": exercises,
            "articles": articles,
            "programmes": programmes,
        },
    )


@require_GET
def exercise(request, slug):
    exercise = get_object_or_404(
        Exercise.objects.visible_to(request.user).for_detail(request.user), slug=slug
    )
    # A patient sees the drawing for their own knee (their record comes with the signed-in
    # user: no query); staff see it as drawn.
    patient = getattr(request.user, "patient", None)
    return render(
        request,
        "education/exercise.html",
        {
            "exercise": exercise,
            "library_staff": is_library_staff(request.user),
            "patient_side": getattr(patient, "affected_side", ""),
        },
    )


@require_GET
def article(request, slug):
    article = get_object_or_404(Article.objects.visible_to(request.user).for_detail(), slug=slug)
    return render(
        request,
        "education/article.html",
        {"article": article, "library_staff": is_library_staff(request.user)},
    )


@require_GET
@library_staff_only
def programme(request, slug):
    programme = get_object_or_404(
        ProgrammeTemplate.objects.for_staff(request.user).for_detail(), slug=slug
    )
    return render(request, "education/programme.html", {"programme": programme})
