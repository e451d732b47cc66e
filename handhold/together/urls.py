from django.urls import path

from handhold.together import views

app_name = "together"

urlpatterns = [
    path("journey/", views.journey, name="journey"),
    path("journey/we-talked/", views.we_talked, name="we_talked"),
    path("journey/pause/", views.pause, name="pause"),
    path("journey/resume/", views.resume, name="resume"),
    path("prepare/", views.prepare, name="prepare"),
    path("sessions/", views.sessions, name="sessions"),
    path("sessions/<int:plan_id>/", views.session, name="session"),
    path("sessions/<int:plan_id>/respond/", views.respond, name="respond"),
    path("sessions/<int:plan_id>/cancel/", views.cancel, name="cancel"),
    path("sessions/<int:plan_id>/start/", views.start, name="start"),
    path("sessions/<int:plan_id>/check-in/", views.check_in, name="check_in"),
    path("sessions/<int:plan_id>/move-on/", views.move_on, name="move_on"),
    path("sessions/<int:plan_id>/finish/", views.finish, name="finish"),
    path("sessions/<int:plan_id>/debrief/", views.debrief, name="debrief"),
    path("sessions/resting/<int:halt_id>/open/", views.open_again, name="open_again"),
    path("resources/", views.resources, name="resources"),
]
