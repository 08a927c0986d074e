"""Wagtail admin hooks of the motions back office: its menu and its audit entries."""

from django.http import Http404
from django.utils.dateparse import parse_date
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.documents import get_document_model
from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.log_actions import LogFormatter
from wagtail.log_actions import registry as log_registry
from wagtail.permissions import policy_registry

from shared.admin_api import BoundedPagination

from .access import can_download_document
from .models import EventKind, Outcome
from .models.motions import event_label
from .viewsets import MotionsViewSetGroup, register_policies

# Before anything asks Wagtail for these models' policies (and gets a fallback one).
register_policies()


@hooks.register("before_serve_document")
def check_document_download(document, request):
    """Unknown to whoever may not download it: a 404, never a 403 (motions.access)."""
    if not can_download_document(request.user, document):
        raise Http404


class ChoosableDocumentsAPIViewSet(DocumentsAdminAPIViewSet):
    """The admin API's documents: only those the user may choose (per-collection permissions),
    as in Wagtail's document chooser, instead of every document outside a restriction."""

    pagination_class = BoundedPagination

    def get_queryset(self):
        policy = policy_registry.get_by_type(get_document_model())
        choosable = policy.instances_user_has_any_permission_for(self.request.user, ["choose"])
        return super().get_queryset().filter(pk__in=choosable.values("pk"))


# After Wagtail's own hook (order 0), which registers the unfiltered endpoint.
@hooks.register("construct_admin_api", order=100)
def replace_documents_admin_api(router):
    router.register_endpoint("documents", ChoosableDocumentsAPIViewSet)


@hooks.register("register_admin_viewset")
def register_motions_viewsets():
    return MotionsViewSetGroup()


def _event(data) -> str:
    """The event's name in the reader's language; older entries kept only the label."""
    if data.get("kind") in EventKind.values:
        outcome = data.get("outcome") if data.get("outcome") in Outcome.values else ""
        return event_label(data["kind"], outcome)
    return data.get("event", "")


def _when(data) -> str:
    day = parse_date(data.get("date") or "") if data.get("date") else None
    return date_format(day, "j F Y") if day else ""


class MotionCreateLogFormatter(LogFormatter):
    label = _("Motion: enter")

    def format_message(self, log_entry):
        reference = (log_entry.data or {}).get("reference", "")
        return _("Motion %(reference)s entered") % {"reference": reference}


class MotionEventLogFormatter(LogFormatter):
    label = _("Motion: record an event")

    def format_message(self, log_entry):
        data = log_entry.data or {}
        return _("Event recorded: %(event)s, %(date)s") % {
            "event": _event(data),
            "date": _when(data),
        }


class MotionCorrectLogFormatter(LogFormatter):
    label = _("Motion: correct an event")

    def format_message(self, log_entry):
        data = log_entry.data or {}
        return _("Correction recorded: %(event)s, %(date)s (supersedes entry #%(old)s)") % {
            "event": _event(data),
            "date": _when(data),
            "old": data.get("supersedes", ""),
        }


MOTION_LOG_ACTIONS = {
    "motions.motion.create": MotionCreateLogFormatter,
    "motions.motion.event": MotionEventLogFormatter,
    "motions.motion.correct": MotionCorrectLogFormatter,
}


@hooks.register("register_log_actions")
def register_motion_log_actions(actions):
    for action, formatter in MOTION_LOG_ACTIONS.items():
        # Not action_exists(): it would run this hook again while the registry scans.
        if not isinstance(actions.formatters.get(action), formatter):
            actions.register_action(action)(formatter)


# The hook runs when Wagtail first reads its log actions; if that already happened
# (e.g. a test registered placeholders), register now.
if log_registry.has_scanned_for_actions:
    register_motion_log_actions(log_registry)
