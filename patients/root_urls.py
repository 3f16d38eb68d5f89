"""The two addresses outside the patients: namespace, under the names every page and email
links to: the home page ("home", a patient's Today) and the invitation link ("invitation")."""

from django.urls import path

from patients import invitation_views, views

urlpatterns = [
    path("", views.home, name="home"),
    path("invite/<str:token>/", invitation_views.accept_invitation, name="invitation"),
]
