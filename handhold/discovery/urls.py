from django.urls import path

from handhold.discovery import private_views, views

app_name = "discovery"

urlpatterns = [
    path("reflect/", views.reflect, name="reflect"),
    path("learn/", views.learn, name="learn"),
    path("learn/<slug:card_id>/", views.card, name="card"),
    path("discover/", views.discover, name="discover"),
    path("discover/together/", views.reveal, name="reveal"),
    # Private matching (issue #17): discovery/private_views.py
    path("discover/private/", private_views.private_matching, name="private_matching"),
    path("discover/private/ladder/", private_views.private_ladder, name="private_ladder"),
    path("discover/private/open/", private_views.private_open_level, name="private_open_level"),
    path("discover/private/state/", private_views.private_state, name="private_state"),
    path(
        "discover/private/changed/", private_views.private_answers_changed, name="private_changed"
    ),
    path("discover/private/copy/", private_views.private_copy, name="private_copy"),
    path(
        "discover/private/copy/delete/",
        private_views.private_copy_delete,
        name="private_copy_delete",
    ),
    path("discover/private/runs/", private_views.private_run_start, name="private_run_start"),
    path("discover/private/runs/<uuid:public_id>/", private_views.private_run, name="private_run"),
    path(
        "discover/private/runs/<uuid:public_id>/cancel/",
        private_views.private_run_cancel,
        name="private_run_cancel",
    ),
    path(
        "discover/private/runs/<uuid:public_id>/post/",
        private_views.private_run_post,
        name="private_run_post",
    ),
]
