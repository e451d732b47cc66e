from django.urls import path

from handhold.discovery import views

app_name = "discovery"

urlpatterns = [
    path("reflect/", views.reflect, name="reflect"),
    path("learn/", views.learn, name="learn"),
    path("learn/<slug:card_id>/", views.card, name="card"),
    path("discover/", views.discover, name="discover"),
    path("discover/together/", views.reveal, name="reveal"),
]
