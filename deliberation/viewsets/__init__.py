"""The deliberation back office in the Wagtail admin: one menu, "Deliberation" (Müzakere)."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from .council import (
    JoinRequestViewSet,
    MeetingViewSet,
    MembershipViewSet,
    OrganViewSet,
    TopicViewSet,
)
from .reports import ReportViewSet


class DeliberationViewSetGroup(SnippetViewSetGroup):
    """Reports for members; meetings, requests and the registers for those who run them.

    Each item is shown only to those its permission policy lets in, so a working-group
    member sees "Reports" alone and a chair also "Join requests".
    """

    menu_label = _("Deliberation")
    menu_icon = "group"
    menu_order = 150
    items = (
        ReportViewSet,
        MeetingViewSet,
        JoinRequestViewSet,
        OrganViewSet,
        MembershipViewSet,
        TopicViewSet,
    )


__all__ = [
    "DeliberationViewSetGroup",
    "JoinRequestViewSet",
    "MeetingViewSet",
    "MembershipViewSet",
    "OrganViewSet",
    "ReportViewSet",
    "TopicViewSet",
]
