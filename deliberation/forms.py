"""Forms of the deliberation back office. They collect input; services decide."""

from django import forms
from django.db.models import Exists, OuterRef, Q
from django.forms.models import BaseInlineFormSet, inlineformset_factory
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.documents import get_document_model
from wagtail.models import Collection

from . import access
from .files import private_collection_ids
from .models import (
    AgendaItem,
    DecisionKind,
    Meeting,
    Organ,
    Report,
    ReportAction,
    ReportStatus,
    VoteChoice,
)
from .models.organs import AUTHORING_KINDS
from .people import display_name


def person_label(user) -> str:
    """The person's name, else "Member #12": never the e-mail address (people.display_name)."""
    return display_name(user)


def revision_label(revision) -> str:
    """A saved version as people name it: when, and by whom."""
    when = timezone.localtime(revision.created_at).strftime("%d.%m.%Y %H.%M")
    who = person_label(revision.user) if revision.user else _("unknown")
    return f"{when} – {who}"


def library_documents():
    """The documents anyone may attach: in a public collection without a view restriction,
    and no draft's or unpublished minutes' working file (whichever collection it is in)."""
    hidden = set(private_collection_ids())
    for collection in Collection.objects.filter(view_restrictions__isnull=False):
        hidden.update(collection.get_descendants(inclusive=True).values_list("pk", flat=True))
    draft_attachment = Report.attachments.through.objects.filter(
        councildocument_id=OuterRef("pk")
    ).exclude(report__status=ReportStatus.APPROVED)
    unpublished_minutes = Meeting.minutes_attachments.through.objects.filter(
        councildocument_id=OuterRef("pk"), meeting__minutes_published_at__isnull=True
    )
    return (
        get_document_model()
        .objects.exclude(collection_id__in=hidden)
        .exclude(Exists(draft_attachment))
        .exclude(Exists(unpublished_minutes))
    )


class ReportForm(WagtailAdminModelForm):
    """The report editor: a member writes only for their own groups.

    The group is chosen once, when the report is started; the state and the approval
    record are never fields (services own them).
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        if "group" in self.fields:
            groups = Organ.objects.filter(kind__in=AUTHORING_KINDS, is_active=True)
            if user is not None and not access.is_secretariat(user):
                groups = groups.filter(pk__in=access.group_ids(user))
            field = self.fields["group"]
            field.queryset = groups
            if self.instance.pk:
                field.disabled = True
                field.queryset = Organ.objects.filter(pk=self.instance.group_id)
                field.help_text = _("A report stays with the group that started it.")
            elif groups.count() == 1:
                field.initial = groups.get().pk
        if "topics" in self.fields:
            self.fields["topics"].widget = forms.CheckboxSelectMultiple(
                choices=self.fields["topics"].choices
            )
        if "attachments" in self.fields and not access.is_secretariat(user):
            # The library, the report's own attachments and the member's own uploads;
            # never another group's working files.
            documents = Q(pk__in=library_documents().values("pk"))
            if user is not None and user.is_authenticated:
                documents |= Q(
                    collection_id__in=private_collection_ids(), uploaded_by_user_id=user.pk
                )
            if self.instance.pk:
                documents |= Q(pk__in=list(self.instance.attachments.values_list("pk", flat=True)))
            self.fields["attachments"].queryset = get_document_model().objects.filter(documents)

    class Meta:
        model = Report
        fields = [
            "group",
            "title",
            "summary",
            "problem",
            "findings",
            "recommendations",
            "references",
            "topics",
            "attachments",
        ]


class ReportTransitionForm(forms.Form):
    """One of the group's moves on a report, with an optional (or required) note."""

    ACTIONS = (
        ReportAction.ADOPT,
        ReportAction.REOPEN,
        ReportAction.SUBMIT,
        ReportAction.WITHDRAW,
    )
    NOTE_REQUIRED = (ReportAction.WITHDRAW,)

    action = forms.ChoiceField(
        choices=[(action.value, action.label) for action in ACTIONS], widget=forms.HiddenInput
    )
    note = forms.CharField(
        label=_("Why is the report withdrawn?"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("action") in self.NOTE_REQUIRED and not cleaned.get("note", "").strip():
            self.add_error("note", _("Say why the report is withdrawn."))
        return cleaned


class ReportCommentForm(forms.Form):
    body = forms.CharField(
        label=_("Comment"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=5000,
    )


class CompareVersionsForm(forms.Form):
    """Pick any two saved versions of a report to see them side by side."""

    revision_a = forms.TypedChoiceField(label=_("Older version"), coerce=int)
    revision_b = forms.TypedChoiceField(label=_("Newer version"), coerce=int)

    def __init__(self, *args, revisions, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(revision.pk, revision_label(revision)) for revision in revisions]
        self.fields["revision_a"].choices = choices
        self.fields["revision_b"].choices = choices
        if len(choices) >= 2:
            self.fields["revision_a"].initial = choices[1][0]
            self.fields["revision_b"].initial = choices[0][0]


# -- Meetings ----------------------------------------------------------------------------


# Reports in these states can be put on an agenda.
AGENDA_REPORT_STATUSES = (ReportStatus.BOARD_REVIEW, ReportStatus.ASSEMBLY_REVIEW)


def report_option_label(report) -> str:
    return f"{report.title} – {report.group.name} ({report.get_status_display()})"


def agenda_report_options(attached_ids=()) -> list:
    """The reports an agenda may name: those under review, and those already named."""
    return list(
        Report.objects.filter(
            Q(status__in=AGENDA_REPORT_STATUSES) | Q(pk__in=[pk for pk in attached_ids if pk])
        ).select_related("group")
    )


class PreloadedModelChoiceField(forms.ModelChoiceField):
    """A choice among objects loaded beforehand: listing and checking them costs no query.

    The agenda's rows share one list of reports, so a meeting with 30 items costs the
    same queries as one with 3.
    """

    def set_objects(self, objects, label) -> None:
        self._objects = {str(obj.pk): obj for obj in objects}
        self.choices = [("", self.empty_label)] + [(obj.pk, label(obj)) for obj in objects]

    def to_python(self, value):
        if value in self.empty_values:
            return None
        key = str(value.pk if isinstance(value, Report) else value)
        try:
            return self._objects[key]
        except KeyError:
            raise forms.ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            ) from None


class AgendaItemForm(forms.ModelForm):
    class Meta:
        model = AgendaItem
        fields = ["position", "title", "report"]
        field_classes = {"report": PreloadedModelChoiceField}
        widgets = {"position": forms.NumberInput(attrs={"min": 1, "style": "width: 5em"})}

    def __init__(self, *args, report_options=None, **kwargs):
        super().__init__(*args, **kwargs)
        own = self.instance.report_id
        if report_options is None:
            report_options = agenda_report_options([own])
        self.fields["report"].set_objects(
            [
                report
                for report in report_options
                if report.status in AGENDA_REPORT_STATUSES or report.pk == own
            ],
            report_option_label,
        )
        self.is_decided = bool(self.instance.pk) and _has_decision(self.instance)
        if self.is_decided:
            for field in self.fields.values():
                field.disabled = True


def _has_decision(item: AgendaItem) -> bool:
    try:
        return item.decision is not None
    except AgendaItem.decision.RelatedObjectDoesNotExist:
        return False


class BaseAgendaItemFormSet(BaseInlineFormSet):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Empty rows continue the numbering, so adding items needs no renumbering.
        last = max((item.position for item in self.get_queryset()), default=0)
        self.initial_extra = [{"position": last + n + 1} for n in range(self.extra)]

    def get_queryset(self):
        # Kept, as the base class keeps its own: every row and count reads this one list.
        if not hasattr(self, "_agenda_queryset"):
            self._agenda_queryset = super().get_queryset().select_related("decision", "report")
        return self._agenda_queryset

    @cached_property
    def report_options(self) -> list:
        """One list of reports for every row (each row picks its own from it)."""
        return agenda_report_options([item.report_id for item in self.get_queryset()])

    def get_form_kwargs(self, index):
        kwargs = super().get_form_kwargs(index)
        kwargs["report_options"] = self.report_options
        return kwargs

    def add_fields(self, form, index):
        super().add_fields(form, index)
        # An item with a recorded decision is part of the record: it cannot be removed.
        if getattr(form, "is_decided", False) and "DELETE" in form.fields:
            del form.fields["DELETE"]


AgendaItemFormSet = inlineformset_factory(
    Meeting,
    AgendaItem,
    form=AgendaItemForm,
    formset=BaseAgendaItemFormSet,
    extra=3,
    can_delete=True,
    # No agenda has a hundred items; a posted count of millions would build that many forms.
    max_num=100,
    absolute_max=100,
    validate_max=True,
)


class MeetingForm(WagtailAdminModelForm):
    """A meeting with its agenda items edited in the same form.

    What the record rests on is shown but not editable: the organ once attendance or
    decisions are recorded, the date once decisions are (services.meeting_save refuses
    such changes in any case), and the minutes once they are published.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        prefix = "agenda"
        self.agenda_formset = AgendaItemFormSet(
            data=self.data if self.is_bound else None,
            instance=self.instance,
            prefix=prefix,
        )
        if not self.instance.pk:
            return
        decided = self.instance.decisions_exist()
        if "organ" in self.fields and (decided or self.instance.attendances.exists()):
            self.fields["organ"].disabled = True
            self.fields["organ"].help_text = _(
                "Attendance or decisions are recorded, so the organ cannot change."
            )
        if "starts_at" in self.fields and decided:
            self.fields["starts_at"].disabled = True
            self.fields["starts_at"].help_text = _(
                "Decisions are recorded at this meeting and are dated by it, "
                "so its date and time cannot change."
            )
        elif "starts_at" in self.fields and self.instance.attendances.exists():
            self.fields["starts_at"].disabled = True
            self.fields["starts_at"].help_text = _(
                "Attendance is recorded from the organ's members on this day, "
                "so the date and time cannot change."
            )
        if self.instance.minutes_published:
            published = _(
                "The minutes are published and are part of the public record. "
                "Record a correction in the minutes of the organ's next meeting."
            )
            for name in ("starts_at", "minutes", "minutes_attachments"):
                if name in self.fields:
                    self.fields[name].disabled = True
                    self.fields[name].help_text = published
            # The agenda is part of the published record too.
            for row in self.agenda_formset.forms:
                row.fields.pop("DELETE", None)
                for field in row.fields.values():
                    field.disabled = True

    def is_valid(self):
        form_valid = super().is_valid()
        return self.agenda_formset.is_valid() and form_valid

    def save(self, commit=True):
        instance = super().save(commit=commit)
        if commit:
            self.agenda_formset.instance = instance
            self.agenda_formset.save()
        return instance

    class Meta:
        model = Meeting
        fields = ["organ", "starts_at", "place", "minutes", "minutes_attachments"]


class AttendanceForm(forms.Form):
    """Who of the organ's members were present; the others are recorded absent."""

    present = forms.TypedMultipleChoiceField(
        label=_("Present"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, memberships, **kwargs):
        super().__init__(*args, **kwargs)
        seen = {}
        for membership in memberships:
            if membership.person_id in seen:
                continue
            label = person_label(membership.person)
            details = [membership.get_role_display()]
            if membership.represents:
                details.append(membership.represents)
            seen[membership.person_id] = f"{label} ({', '.join(details)})"
        self.fields["present"].choices = sorted(seen.items(), key=lambda item: item[1])


class DecisionForm(forms.Form):
    """An organ's decision on an agenda item: what, the vote, and the reasons."""

    TOTALS = "totals"
    MEMBERS = "members"

    kind = forms.ChoiceField(label=_("Decision"), choices=DecisionKind.choices)
    counting = forms.ChoiceField(
        label=_("How were the votes counted?"),
        choices=[(TOTALS, _("As totals")), (MEMBERS, _("Member by member"))],
        initial=TOTALS,
        widget=forms.RadioSelect,
    )
    yes = forms.IntegerField(label=_("Yes (kabul)"), min_value=0, initial=0, required=False)
    no = forms.IntegerField(label=_("No (ret)"), min_value=0, initial=0, required=False)
    abstain = forms.IntegerField(
        label=_("Abstain (çekimser)"), min_value=0, initial=0, required=False
    )
    chair_vote = forms.ChoiceField(
        label=_("The chair's vote (decides a tie)"),
        choices=[
            ("", _("Not used")),
            (VoteChoice.YES, VoteChoice.YES.label),
            (VoteChoice.NO, VoteChoice.NO.label),
        ],
        required=False,
        help_text=_(
            "Needed for a tie counted as totals. Member by member, the chair's own "
            "recorded vote decides a tie."
        ),
    )
    text = forms.CharField(
        label=_("Text of the decision and reasons"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Required when a report is returned to its group."),
    )

    def __init__(self, *args, present_people, casting_vote, **kwargs):
        super().__init__(*args, **kwargs)
        self.vote_fields = []
        choices = [("", _("Did not vote"))] + list(VoteChoice.choices)
        for person in present_people:
            name = f"vote_{person.pk}"
            self.fields[name] = forms.ChoiceField(
                label=person_label(person), choices=choices, required=False
            )
            self.vote_fields.append((person.pk, name))
        if not casting_vote:
            del self.fields["chair_vote"]

    def member_vote_fields(self):
        return [self[name] for _pk, name in self.vote_fields]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("counting") == self.MEMBERS:
            votes = {pk: cleaned.get(name) for pk, name in self.vote_fields if cleaned.get(name)}
            if not votes:
                raise forms.ValidationError(_("Enter the vote of at least one member."))
            cleaned["votes"] = votes
            # The chair's own vote is among them; services.decision_record takes it from there.
            cleaned["chair_vote"] = ""
        else:
            cleaned["votes"] = None
            for name in ("yes", "no", "abstain"):
                cleaned[name] = cleaned.get(name) or 0
        return cleaned


class JoinRequestDecisionForm(forms.Form):
    reason = forms.CharField(
        label=_("Message to the applicant"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Sent with the answer; say why when you decline."),
    )
