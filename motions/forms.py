"""Forms of the motions back office. They collect input; motions.services decides."""

from django import forms
from django.conf import settings
from django.core.validators import FileExtensionValidator
from django.db.models import Q
from django.utils import timezone
from django.utils.dates import MONTHS
from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.widgets import AdminDateInput
from wagtail.documents import get_document_model

from deliberation.files import private_collection
from deliberation.forms import library_documents
from deliberation.models import Organ
from deliberation.models.organs import AUTHORING_KINDS
from shared.admin_widgets import DocumentChooser

from .models import (
    AssemblyMeeting,
    EventKind,
    Motion,
    MotionEvent,
    Municipality,
    Outcome,
)


def long_date(value) -> str:
    """A date as people write it: 21 Kasım 2026."""
    return date_format(value, "j F Y") if value else ""


def meeting_label(meeting: AssemblyMeeting) -> str:
    return f"{long_date(meeting.date)} – {meeting.get_kind_display()}"


def document_extension_validator() -> FileExtensionValidator:
    """Only the document types of settings.WAGTAILDOCS_EXTENSIONS, with a message in Turkish."""
    return FileExtensionValidator(
        allowed_extensions=settings.WAGTAILDOCS_EXTENSIONS,
        message=_(
            "Files of type “%(extension)s” cannot be uploaded. Allowed types: "
            "%(allowed_extensions)s."
        ),
    )


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files from one input; an empty input gives an empty list."""

    widget = MultipleFileInput

    def clean(self, data, initial=None):
        if isinstance(data, list | tuple):
            return [super(MultipleFileField, self).clean(item, initial) for item in data if item]
        return [super().clean(data, initial)] if data else []


def store_document(upload, *, user):
    """Turn an uploaded file into a working document (the private collection)."""
    document_model = get_document_model()
    title = upload.name.rsplit("/", 1)[-1].rsplit(".", 1)[0][:255] or upload.name
    document = document_model(
        title=title, file=upload, collection=private_collection(), uploaded_by_user=user
    )
    document._set_document_file_metadata()
    document.save()
    return document


def _reject_future(value, message):
    if value and value > timezone.localdate():
        raise forms.ValidationError(message)
    return value


# -- The assembly's calendar ----------------------------------------------------------------


class MunicipalityForm(WagtailAdminModelForm):
    recess_month = forms.TypedChoiceField(
        label=capfirst(_("recess month")),
        choices=[("", _("No recess"))] + [(number, name) for number, name in MONTHS.items()],
        coerce=int,
        empty_value=None,
        required=False,
        help_text=_("The month without a regular meeting, if the assembly takes one."),
    )

    class Meta:
        model = Municipality
        fields = ["name", "is_metropolitan", "regular_weekday", "recess_month"]


class AssemblyMeetingForm(WagtailAdminModelForm):
    """A meeting of the municipal assembly. Once events refer to it, its date is fixed."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and self.instance.motion_events.exists():
            for name in ("municipality", "date"):
                if name in self.fields:
                    self.fields[name].disabled = True
                    self.fields[name].help_text = _(
                        "Motion events refer to this meeting; correct those events first."
                    )

    class Meta:
        model = AssemblyMeeting
        fields = ["municipality", "date", "kind", "note"]
        widgets = {"date": AdminDateInput}


# -- Motions --------------------------------------------------------------------------------


class _RecipientMixin:
    """Either the municipal assembly or another institution, never neither or both."""

    def clean(self):
        cleaned = super().clean()
        municipality = cleaned.get("municipality")
        recipient = (cleaned.get("recipient") or "").strip()
        if municipality and recipient:
            self.add_error(
                "recipient",
                _("Choose the municipal assembly or name another institution, not both."),
            )
        elif not municipality and not recipient and not self.errors:
            self.add_error(
                "municipality",
                _("Choose the municipal assembly or name the institution the motion went to."),
            )
        return cleaned


class MotionCreateForm(_RecipientMixin, WagtailAdminModelForm):
    """Enter a motion directly: from an assembly of the council, or one from before the
    platform. Status and due dates are never fields: they follow from the events."""

    reference = forms.RegexField(
        label=capfirst(_("reference")),
        regex=r"^\d{4}/\d+$",
        required=False,
        max_length=20,
        help_text=_("Leave empty to number it automatically, e.g. 2026/14."),
        error_messages={"invalid": _("Write the reference as year/number, e.g. 2026/14.")},
    )
    uploads = MultipleFileField(
        label=_("Upload documents"),
        required=False,
        validators=[document_extension_validator()],
        help_text=_("Files are stored as working documents: public once the motion is public."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["origin"].queryset = Organ.objects.filter(kind__in=AUTHORING_KINDS)
        self.fields["topics"].widget = forms.CheckboxSelectMultiple(
            choices=self.fields["topics"].choices
        )
        # The public library only: never another group's working files.
        self.fields["documents"].queryset = library_documents().order_by("-created_at")
        self.fields["documents"].help_text = _("Documents already in the library.")
        municipalities = list(Municipality.objects.all()[:2])
        if len(municipalities) == 1:
            self.fields["municipality"].initial = municipalities[0].pk
        self.fields["submitted_on"].initial = timezone.localdate()

    def clean_submitted_on(self):
        return _reject_future(
            self.cleaned_data.get("submitted_on"),
            _("The submission date cannot be in the future."),
        )

    class Meta:
        model = Motion
        fields = [
            "reference",
            "title",
            "summary",
            "origin",
            "municipality",
            "recipient",
            "submitted_on",
            "outgoing_number",
            "topics",
            "documents",
            "is_public",
        ]
        widgets = {"submitted_on": AdminDateInput}


class MotionDetailsForm(WagtailAdminModelForm):
    """What may change after submission: the wording, the topics and publication."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topics"].widget = forms.CheckboxSelectMultiple(
            choices=self.fields["topics"].choices
        )

    class Meta:
        model = Motion
        fields = ["title", "summary", "topics", "is_public"]


class ReportSubmitForm(_RecipientMixin, forms.Form):
    """Submit an approved report to the municipal assembly (or another institution)."""

    municipality = forms.ModelChoiceField(
        label=capfirst(_("municipal assembly")),
        queryset=Municipality.objects.all(),
        required=False,
    )
    recipient = forms.CharField(
        label=_("Or another institution"),
        max_length=250,
        required=False,
        help_text=_("When the report goes to an institution other than the municipal assembly."),
    )
    submitted_on = forms.DateField(label=capfirst(_("date of submission")), widget=AdminDateInput)
    outgoing_number = forms.CharField(
        label=capfirst(_("outgoing reference (evrak sayısı)")),
        max_length=100,
        help_text=_("The number of the cover letter in the council's correspondence register."),
    )
    summary = forms.CharField(
        label=capfirst(_("plain summary")),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Leave empty to use the summary of the approved report."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["submitted_on"].initial = timezone.localdate()
        municipalities = list(Municipality.objects.all()[:2])
        if len(municipalities) == 1:
            self.fields["municipality"].initial = municipalities[0].pk

    def clean_submitted_on(self):
        return _reject_future(
            self.cleaned_data.get("submitted_on"),
            _("The submission date cannot be in the future."),
        )


class MotionEventForm(forms.Form):
    """One step of the follow-up, or the correction of a wrong one (same fields)."""

    # The submission is recorded by the service that enters the motion.
    kind = forms.ChoiceField(
        label=_("What happened"),
        choices=[choice for choice in EventKind.choices if choice[0] != EventKind.SUBMITTED],
    )
    date = forms.DateField(
        label=capfirst(_("date")),
        required=False,
        widget=AdminDateInput,
        help_text=_("Leave empty to use the date of the chosen assembly meeting."),
    )
    meeting = forms.ModelChoiceField(
        label=capfirst(_("assembly meeting")),
        queryset=AssemblyMeeting.objects.none(),
        required=False,
        help_text=_("For placing on the agenda and decisions: the meeting where it happened."),
    )
    committees = forms.CharField(
        label=capfirst(_("committee(s)")),
        max_length=300,
        required=False,
        help_text=_("E.g. Plan ve Bütçe Komisyonu; name each one when referred jointly."),
    )
    zoning_committee = forms.BooleanField(
        label=capfirst(_("zoning committee involved")),
        required=False,
        help_text=_("The zoning committee reports within 10 working days instead of 5."),
    )
    outcome = forms.ChoiceField(
        label=capfirst(_("outcome")),
        choices=[("", _("– only for a decision –")), *Outcome.choices],
        required=False,
    )
    decision_number = forms.CharField(
        label=capfirst(_("decision number")), max_length=50, required=False
    )
    progress = forms.IntegerField(
        label=capfirst(_("progress (%)")), min_value=0, max_value=100, required=False
    )
    note = forms.CharField(
        label=capfirst(_("note")), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    document = forms.ModelChoiceField(
        label=capfirst(_("document")),
        queryset=get_document_model().objects.all(),
        required=False,
        widget=DocumentChooser,
    )
    upload = forms.FileField(
        label=_("Or upload a document"),
        required=False,
        validators=[document_extension_validator()],
    )
    is_public = forms.BooleanField(
        label=capfirst(_("public")),
        required=False,
        initial=True,
        help_text=_("Shown on the motion's public page and sent to its followers."),
    )

    def __init__(self, *args, motion: Motion, **kwargs):
        super().__init__(*args, **kwargs)
        self.motion = motion
        # The library and this motion's own documents; never another motion's or a
        # group's working files (the chooser lists more to the secretariat).
        own = Q(pk__in=motion.documents.values("pk")) | Q(
            pk__in=motion.events.filter(document__isnull=False).values("document_id")
        )
        self.fields["document"].queryset = get_document_model().objects.filter(
            Q(pk__in=library_documents().values("pk")) | own
        )
        if motion.municipality_id:
            meetings = AssemblyMeeting.objects.filter(municipality_id=motion.municipality_id)
            self.fields["meeting"].queryset = meetings.order_by("-date")
            self.fields["meeting"].label_from_instance = meeting_label
        else:
            del self.fields["meeting"]

    def clean(self):
        cleaned = super().clean()
        meeting = cleaned.get("meeting")
        if not cleaned.get("date"):
            if meeting:
                cleaned["date"] = meeting.date
            elif "date" not in self.errors:
                self.add_error("date", _("Enter the date, or choose the assembly meeting."))
        if cleaned.get("document") and cleaned.get("upload"):
            self.add_error("upload", _("Choose a document or upload one, not both."))
        return cleaned

    @classmethod
    def initial_from(cls, event: MotionEvent) -> dict:
        """The form filled in as the event was recorded, to correct it."""
        return {
            "kind": event.kind,
            "date": event.date,
            "meeting": event.meeting_id,
            "committees": event.committees,
            "zoning_committee": event.zoning_committee,
            "outcome": event.outcome,
            "decision_number": event.decision_number,
            "progress": event.progress,
            "note": event.note,
            "document": event.document_id,
            "is_public": event.is_public,
        }
