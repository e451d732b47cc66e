from django.urls import path

from handhold.pages import views

app_name = "pages"

urlpatterns = [
    path("", views.home, name="home"),
    path("leave/", views.leave, name="leave"),
    path("soup/", views.away, name="away"),
    path("goodbye/", views.deleted, name="deleted"),
    path("language/", views.language, name="language"),
]
