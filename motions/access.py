"""Who may see, record and download what in motions: the motions half of the one access policy.

Roles come from ``deliberation.access`` (the snapshot of a user's roles). What citizens see
is the querysets' ``public()`` methods, defined once next to the models and asked by every
public channel (pages, search, feeds, sitemap, CSV, API):

- a motion is public when the secretariat marked it so: ``Motion.objects.public()``;
- an event is public when it is marked public, is not corrected by a later entry and
  belongs to a public motion: ``MotionEvent.objects.public()``.

A document follows its current owners (the reports it is attached to, the minutes it is
an attachment of, the motions and motion events it is the document of):

- anyone may download it while one public owner refers to it: an approved report,
  published minutes, a public motion, a public event of a public motion that no later
  correction replaced;
- otherwise whoever may see one of its owners (motions and their events are the
  secretariat's records);
- a document no current owner refers to is the public library's when it is in a public
  collection, and only the secretariat's and its uploader's when it is in the private
  collection (e.g. a file that only an earlier version of a draft referred to).

Wagtail's own collection view restrictions still apply after this check.
"""

from django.db.models import Exists, OuterRef, Q

from deliberation import access as deliberation_access
from deliberation.files import private_collection_ids
from deliberation.models import Meeting, Report, ReportStatus

from .models import Motion, MotionEvent

_ReportLink = Report.attachments.through
_MinutesLink = Meeting.minutes_attachments.through
_MotionLink = Motion.documents.through


def _links(model, **conditions):
    return model.objects.filter(councildocument_id=OuterRef("pk"), **conditions)


def _public_owner() -> Q:
    return (
        Q(Exists(_links(_ReportLink, report__status=ReportStatus.APPROVED)))
        | Q(Exists(_links(_MinutesLink, meeting__minutes_published_at__isnull=False)))
        | Q(Exists(_links(_MotionLink, motion__is_public=True)))
        | Q(Exists(MotionEvent.objects.public().filter(document_id=OuterRef("pk"))))
    )


def _any_owner() -> Q:
    return (
        Q(Exists(_links(_ReportLink)))
        | Q(Exists(_links(_MinutesLink)))
        | Q(Exists(_links(_MotionLink)))
        | Q(Exists(MotionEvent.objects.filter(document_id=OuterRef("pk"))))
    )


def public_documents(documents):
    """The documents of this queryset that anyone may download (can_download_document)."""
    return documents.filter(
        _public_owner() | (~_any_owner() & ~Q(collection_id__in=private_collection_ids()))
    )


def can_record_motions(user) -> bool:
    """The secretariat records motions and every step of their follow-up; nobody else."""
    return deliberation_access.is_secretariat(user)


def can_download_document(user, document) -> bool:
    """Whether this user may download this document (a deactivated user is anonymous)."""
    if public_documents(type(document).objects.filter(pk=document.pk)).exists():
        return True
    if not deliberation_access.is_active_user(user):
        return False
    if deliberation_access.is_secretariat(user):
        return True
    reports = list(Report.objects.filter(attachments=document).only("group_id", "submitted_at"))
    meetings = list(Meeting.objects.filter(minutes_attachments=document))
    if any(deliberation_access.can_view_report(user, report) for report in reports) or any(
        deliberation_access.can_view_minutes(user, meeting) for meeting in meetings
    ):
        return True
    # No owner the user may see: only the uploader keeps a file that nothing refers to.
    return document.uploaded_by_user_id == user.pk and not (
        reports
        or meetings
        or Motion.objects.filter(documents=document).exists()
        or MotionEvent.objects.filter(document=document).exists()
    )


def document_is_on_record(document) -> bool:
    """A file the record refers to: a report past its draft, minutes, a motion or an event.

    Its content is then fixed (history is kept, not overwritten): a changed text is a new
    document, not a new file under the old one's name.
    """
    return (
        Report.objects.filter(attachments=document).exclude(status=ReportStatus.DRAFT).exists()
        or Meeting.objects.filter(minutes_attachments=document).exists()
        or Motion.objects.filter(documents=document).exists()
        or MotionEvent.objects.filter(document=document).exists()
    )
