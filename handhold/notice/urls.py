from django.urls import path

from handhold.notice import views

app_name = "notice"

urlpatterns = [
    path("notice/", views.notice, name="notice"),
    path("notice/<uuid:public_id>/delete/", views.delete, name="delete"),
]
