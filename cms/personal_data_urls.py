"""The personal data pages, mounted under /kisisel-verilerim/ (Turkish paths in every language)."""

from django.urls import path

from . import personal_data_views as views

app_name = "personal_data"

urlpatterns = [
    path("", views.personal_data_request, name="request"),
    path("gonderildi/", views.personal_data_request_done, name="request_done"),
    path("silindi/", views.personal_data_erased, name="erased"),
    path("<str:token>/", views.personal_data_page, name="page"),
]
