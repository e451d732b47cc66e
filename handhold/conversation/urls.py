from django.urls import path

from handhold.conversation import views

app_name = "conversation"

urlpatterns = [
    path("talk/", views.is_it_you, name="is_it_you"),
    path("talk/plan/", views.plan, name="plan"),
    path("talk/invite/", views.invite, name="invite"),
    path("talk/invite/<uuid:public_id>/answer/", views.answer, name="answer"),
    path("talk/reopen/", views.reopen, name="reopen"),
]
