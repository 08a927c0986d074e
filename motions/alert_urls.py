"""E-mail alerts on motions, mounted under /takip/ (Turkish paths in every language)."""

from django.urls import path

from . import alert_views as views

app_name = "motion_alerts"

urlpatterns = [
    path("", views.subscribe, name="subscribe"),
    path("gonderildi/", views.subscribe_done, name="subscribe_done"),
    path("onayla/<str:token>/", views.confirm, name="confirm"),
    path("birak/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("birak/<str:token>/tek-tik/", views.unsubscribe_one_click, name="one_click"),
    path("birakildi/", views.unsubscribe_done, name="unsubscribe_done"),
    path("aboneliklerim/", views.manage_request, name="manage_request"),
    path("aboneliklerim/gonderildi/", views.manage_request_done, name="manage_request_done"),
    path("aboneliklerim/silindi/", views.manage_deleted, name="manage_deleted"),
    path("aboneliklerim/<str:token>/", views.manage, name="manage"),
]
