"""Public account URLs, mounted under /hesap/ (Turkish paths in every language)."""

from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("", views.account, name="account"),
    path("kayit/", views.signup, name="signup"),
    path("kayit/gonderildi/", views.signup_done, name="signup_done"),
    path("dogrula/<str:token>/", views.verify, name="verify"),
    path("giris/", views.LoginView.as_view(), name="login"),
    path("cikis/", views.LogoutView.as_view(), name="logout"),
    path("sifre/", views.PasswordResetView.as_view(), name="password_reset"),
    path("sifre/gonderildi/", views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path(
        "sifre/yeni/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path("sifre/tamam/", views.PasswordResetCompleteView.as_view(), name="password_reset_complete"),
]
