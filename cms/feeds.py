"""RSS and Atom feeds of a news index."""

from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed


class NewsRssFeed(Feed):
    feed_type = Rss201rev2Feed

    def __init__(self, index_page):
        super().__init__()
        self.index_page = index_page

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return self.index_page

    def title(self, obj):
        return obj.title

    def link(self, obj):
        return obj.get_full_url(self.request)

    def description(self, obj):
        return obj.search_description or obj.intro or obj.title

    def feed_url(self, obj):
        return obj.get_full_url(self.request) + obj.reverse_subpage(self.url_name)

    url_name = "rss"

    def items(self, obj):
        return obj.articles()[:20]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.intro

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.combine(item.date, time(9, 0)))

    def item_updateddate(self, item):
        return item.last_published_at or self.item_pubdate(item)

    def item_categories(self, item):
        return [tag.name for tag in item.tags.all()]


class NewsAtomFeed(NewsRssFeed):
    feed_type = Atom1Feed
    url_name = "atom"

    def subtitle(self, obj):
        return self.description(obj)
