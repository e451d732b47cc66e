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
    path("sessions/<uuid:public_id>/", views.session, name="session"),
    path("sessions/<uuid:public_id>/respond/", views.respond, name="respond"),
    path("sessions/<uuid:public_id>/cancel/", views.cancel, name="cancel"),
    path("sessions/<uuid:public_id>/start/", views.start, name="start"),
    path("sessions/<uuid:public_id>/check-in/", views.check_in, name="check_in"),
    path("sessions/<uuid:public_id>/move-on/", views.move_on, name="move_on"),
    path("sessions/<uuid:public_id>/finish/", views.finish, name="finish"),
    path("sessions/<uuid:public_id>/debrief/", views.debrief, name="debrief"),
    path("sessions/resting/<uuid:public_id>/open/", views.open_again, name="open_again"),
    path("resources/", views.resources, name="resources"),
    path("topic/", views.topic, name="topic"),
    path("topic/suggest/", views.suggest_topic, name="suggest_topic"),
    path("topic/<uuid:public_id>/answer/", views.answer_topic, name="answer_topic"),
    path("topic/<uuid:public_id>/withdraw/", views.withdraw_topic, name="withdraw_topic"),
]
