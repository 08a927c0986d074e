from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.i18n import set_language
from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from cms import views
from motions.urls import api_urls as motions_api_urls

urlpatterns = [
    # Wagtail's sign-in and password reset, with the limits on abuse of the public ones.
    path("admin/login/", views.AdminLoginView.as_view()),
    path("admin/password_reset/", views.AdminPasswordResetView.as_view()),
    path("admin/", include(wagtailadmin_urls)),
    path("django-admin/", admin.site.urls),
    # Wagtail's serve view, wrapped to keep private documents out of every cache.
    path(
        "documents/<int:document_id>/<str:document_filename>",
        views.serve_document,
        name="wagtaildocs_serve",
    ),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    # Open data API (django-ninja): one URL per resource in every language.
    path("api/v1/", motions_api_urls),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    # Public images only: documents are not under MEDIA_ROOT (settings.STORAGES).
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    # Inside the language prefix: with an unprefixed default language, Django would
    # otherwise resolve "next" in Turkish and could not translate an English URL back.
    path("i18n/setlang/", set_language, name="set_language"),
    path("ara/", views.search, name="search"),
    path("hesap/", include("deliberation.urls")),
    # E-mail alerts on motions: subscribe, confirm, unsubscribe, manage.
    path("takip/", include("motions.alert_urls")),
    # KVKK: see and erase one's own data through a link mailed to the address.
    path("kisisel-verilerim/", include("cms.personal_data_urls")),
    # Atom and iCalendar feeds of the motions, before Wagtail's page routes.
    path("onergeler/akis/", include("motions.urls")),
    # Wagtail serves only slash-ended paths without dots; the events' iCalendar
    # routes (RoutablePageMixin, "takvim.ics") are handed to its page router here.
    re_path(r"^((?:[\w\-]+/)*takvim\.ics)$", wagtail_views.serve, name="page_calendar"),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
