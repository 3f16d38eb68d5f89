from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from clinic.forms import EmailAuthenticationForm


class LoginView(auth_views.LoginView):
    form_class = EmailAuthenticationForm
    redirect_authenticated_user = True

    def get_default_redirect_url(self):
        # Staff work in the admin; patients have their own home page.
        if self.request.user.is_staff:
            return reverse("admin:index")
        return reverse("home")


def home(request):
    if request.user.is_staff:
        return redirect("admin:index")
    return render(request, "clinic/home.html")


@login_not_required
@require_GET
@never_cache
def healthz(request):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return JsonResponse({"status": "unavailable"}, status=503)
    return JsonResponse({"status": "ok"})
