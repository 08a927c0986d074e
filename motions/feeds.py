"""Atom feeds of the motions' follow-up: all motions, one motion, one topic.

An entry is one public, current event of a public motion: corrected records and
anything not public never appear. Entries link to the motion's public page (the API
record while the site has no motions page), are published on the event's date and
updated when it was recorded.
"""

from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import linebreaks
from django.utils.translation import gettext as _

from deliberation.models import Topic
from shared.site import public_links

from .models import Motion, MotionEvent

ENTRIES = 50


def public_events():
    """Public, current events of public motions, newest record first."""
    return (
        MotionEvent.objects.public()
        .select_related("motion")
        .prefetch_related("motion__topics")
        .order_by("-recorded_at", "-pk")
    )


class MotionEventsFeed(Feed):
    """All motions' movements; subclasses narrow them to one motion or one topic."""

    feed_type = Atom1Feed

    def __init__(self, request):
        super().__init__()
        self.request = request
        self.links = public_links(request)

    @classmethod
    def as_view(cls):
        """A view making one feed per request, so nothing request-bound is shared."""

        def view(request, *args, **kwargs):
            return cls(request)(request, *args, **kwargs)

        return view

    def get_object(self, request, *args, **kwargs):
        return None

    def title(self, obj):
        return _("Motions: latest movements")

    def subtitle(self, obj):
        return _("What the municipal assembly did with the council's motions, step by step.")

    def link(self, obj):
        return self.links.motion_index_url or self.request.build_absolute_uri("/")

    def feed_url(self, obj):
        return self.request.build_absolute_uri()

    def items(self, obj):
        return public_events()[:ENTRIES]

    def item_title(self, item):
        return f"{item.motion.reference} – {item.label}"

    def item_description(self, item):
        # Atom summaries are HTML: the plain-text title and note are escaped here.
        return linebreaks(
            "\n\n".join(part for part in (item.motion.title, item.note) if part), autoescape=True
        )

    def item_link(self, item):
        return self.links.motion(item.motion) or self.request.build_absolute_uri(
            reverse("api_v1:motion_detail", kwargs={"reference": item.motion.reference})
        )

    def item_guid(self, item):
        return f"tag:{self.request.get_host()},{item.recorded_at:%Y-%m-%d}:motion-event-{item.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.combine(item.date, time(0, 0)))

    def item_updateddate(self, item):
        return item.recorded_at

    def item_categories(self, item):
        return [topic.name for topic in item.motion.topics.all()]


class MotionFeed(MotionEventsFeed):
    """One motion's movements, oldest step included."""

    def get_object(self, request, reference: str):
        return get_object_or_404(Motion.objects.public(), reference=reference)

    def title(self, obj):
        return _("Motion %(reference)s: %(title)s") % {
            "reference": obj.reference,
            "title": obj.title,
        }

    def subtitle(self, obj):
        return obj.summary

    def link(self, obj):
        return self.links.motion(obj) or super().link(obj)

    def items(self, obj):
        return public_events().filter(motion=obj)[:ENTRIES]


class TopicFeed(MotionEventsFeed):
    """Movements of the motions on one topic."""

    def get_object(self, request, slug: str):
        return get_object_or_404(Topic, slug=slug)

    def title(self, obj):
        return _("Motions on %(topic)s: latest movements") % {"topic": obj.name}

    def items(self, obj):
        return public_events().filter(motion__topics=obj)[:ENTRIES]
