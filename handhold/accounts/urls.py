from django.contrib.auth import views as auth_views
from django.urls import path

from handhold.accounts import recovery_views, views

app_name = "accounts"

urlpatterns = [
    path("sign-up/", views.sign_up, name="sign_up"),
    path("log-in/", views.LogInView.as_view(), name="login"),
    path("log-out/", auth_views.LogoutView.as_view(), name="logout"),
    path("log-in/forgot/", recovery_views.recover, name="recover"),
    path("pair/", views.pairing, name="pairing"),
    path("pair/invite/", views.invite, name="invite"),
    path("pair/withdraw/", views.withdraw_invitation, name="withdraw"),
    path("pair/join/", views.join, name="join"),
    path("welcome/", views.welcome, name="welcome"),
    path("welcome/not-for-me/", views.not_for_me, name="not_for_me"),
    path("settings/", views.account_settings, name="settings"),
    path("settings/discreet/", views.discreet_mode, name="discreet"),
    path("settings/log-out-everywhere/", views.log_out_everywhere, name="log_out_everywhere"),
    path("settings/unpair/", views.unpair, name="unpair"),
    path("settings/recovery-code/", recovery_views.recovery_code, name="recovery_code"),
    path("settings/export/", views.export, name="export"),
    path("settings/delete/", views.delete_everything, name="delete"),
]
