"""URLs of the motions' open data.

- ``api_urls``: the API, mounted at /api/v1/ outside the language prefixes (its
  language comes from ``?lang=`` or Accept-Language).
- ``urlpatterns``: the feeds, mounted at /onergeler/akis/ inside ``i18n_patterns``, so
  /onergeler/akis/ is Turkish and /en/onergeler/akis/ English.
"""

from django.urls import path, re_path

from . import calendar_feed, feeds
from .api import api

app_name = "motion_feeds"

api_urls = api.urls

urlpatterns = [
    path("", feeds.MotionEventsFeed.as_view(), name="all"),
    re_path(r"^o/(?P<reference>[\w\-.]+/[\w\-.]+)/$", feeds.MotionFeed.as_view(), name="motion"),
    path("konu/<slug:slug>/", feeds.TopicFeed.as_view(), name="topic"),
    path("toplantilar.ics", calendar_feed.meetings_ics, name="meetings_ics"),
]
