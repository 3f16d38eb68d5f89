from django.urls import path

from outcomes import views

app_name = "outcomes"

urlpatterns = [
    path("", views.progress, name="progress"),
    path("<uuid:plan_id>/<uuid:schedule_id>/", views.answer, name="answer"),
    path("fhir.json", views.fhir_bundle, name="fhir_bundle"),
]
