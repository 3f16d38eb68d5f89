from django.urls import path

from patients import handout_views, views

app_name = "patients"

# "/" (Today) is the site's home page: clinic/urls.py routes it, by the name "home".
urlpatterns = [
    path("plans/", views.plans, name="plans"),
    path("plans/<uuid:plan_id>/", views.plan, name="plan"),
    path(
        "plans/<uuid:plan_id>/exercises/<uuid:item_id>/",
        views.plan_exercise,
        name="plan_exercise",
    ),
    path("plans/<uuid:plan_id>/done/", views.session_done, name="session_done"),
    path("plans/<uuid:plan_id>/handout/", handout_views.plan_handout, name="plan_handout"),
    path(
        "plans/<uuid:plan_id>/handout.pdf",
        handout_views.plan_handout_pdf,
        name="plan_handout_pdf",
    ),
    path("articles/", views.articles, name="articles"),
    path("articles/<uuid:assignment_id>/", views.article, name="article"),
    path("articles/<uuid:assignment_id>/check/", views.article_check, name="article_check"),
    path(
        "articles/<uuid:assignment_id>/handout.pdf",
        handout_views.article_handout_pdf,
        name="article_handout_pdf",
    ),
    path("pain/", views.pain_diary, name="pain_diary"),
    path("pain/<uuid:entry_id>/saved/", views.pain_saved, name="pain_saved"),
    path("reminders/", views.reminder_settings, name="reminders"),
    path("reminders/unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("my-data/", views.my_data, name="my_data"),
    path("my-data.json", views.my_data_json, name="my_data_json"),
    path("my-data.csv", views.my_data_csv, name="my_data_csv"),
]
