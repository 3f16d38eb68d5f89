from django.urls import path

from education import views

app_name = "education"

urlpatterns = [
    path("", views.index, name="index"),
    path("exercises/<slug:slug>/", views.exercise, name="exercise"),
    path("articles/<slug:slug>/", views.article, name="article"),
    path("programmes/<slug:slug>/", views.programme, name="programme"),
]
