"""What deliberation holds about a person, and how they erase it (KVKK, Law 6698 art. 11).

Three kinds: the account (name, e-mail address, the privacy notice accepted at sign-up),
the requests to join working groups, and the memberships. The page that shows them and
takes the erasure requests lives in the page layer (cms); this module only knows the data.

Erasing the account does not delete its row: meetings, votes and decisions a person took
part in stay in the minutes. The row loses its name, address and password instead, so the
minutes then name it neutrally ("Member #12", people.display_name).
"""

import datetime
import uuid
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext
from wagtail import hooks
from wagtail.log_actions import log
from wagtail.log_actions import registry as log_registry
from wagtail.models import ModelLogEntry

from .accounts import normalise_email
from .errors import DeliberationError
from .models import JoinRequest, Membership, Role
from .people import display_name

ACCOUNT = "account"
JOIN_REQUESTS = "join_requests"
MEMBERSHIPS = "memberships"
KINDS = (ACCOUNT, JOIN_REQUESTS, MEMBERSHIPS)


@dataclass(frozen=True)
class DataPart:
    """One kind of personal data, as its owner sees it: a title and rows of facts."""

    kind: str
    title: str
    rows: list[list[tuple[str, str]]]
    erasable: bool = True
    note: str = ""
    consents: list[str] = field(default_factory=list)


@hooks.register("register_log_actions")
def register_personal_data_log_actions(actions):
    """Audit entries of erasures; like the erasure record, they never name the person."""
    actions.register_action(
        "deliberation.personal_data.erase",
        gettext_lazy("Personal data: erased"),
        gettext_lazy("Personal data erased at its owner's request"),
    )


if log_registry.has_scanned_for_actions:
    register_personal_data_log_actions(log_registry)


def accounts_for_email(email: str):
    """The accounts an address signs in with: its user name, or its unique address."""
    email = normalise_email(email)
    if not email:
        return get_user_model().objects.none()
    return get_user_model().objects.filter(Q(username=email) | Q(email__iexact=email))


def _date(value) -> str:
    if not value:
        return "–"
    if isinstance(value, datetime.datetime):
        value = localtime(value)
    return date_format(value, "DATE_FORMAT")


def _yes_no(value: bool) -> str:
    return pgettext("answer", "yes") if value else pgettext("answer", "no")


def _consents(user) -> list[str]:
    """The privacy notices the person accepted at sign-up: when, and which version."""
    entries = ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(type(user)),
        object_id=str(user.pk),
        action="deliberation.account.signup",
    ).order_by("timestamp")
    return [
        _("Privacy notice version %(version)s accepted on %(date)s.")
        % {"version": (entry.data or {}).get("privacy_notice", "?"), "date": _date(entry.timestamp)}
        for entry in entries
    ]


def person_data(email: str) -> list[DataPart]:
    """Everything deliberation holds about the owner of ``email``, kind by kind."""
    users = list(accounts_for_email(email).order_by("pk"))
    if not users:
        return []
    parts = [
        DataPart(
            kind=ACCOUNT,
            title=_("Account"),
            rows=[
                [
                    (_("Name"), user.get_full_name() or "–"),
                    (_("E-mail address"), user.email or user.username),
                    (_("Signed up on"), _date(user.date_joined)),
                    (_("Last signed in on"), _date(user.last_login)),
                    (_("Address verified"), _yes_no(user.is_active)),
                ]
                for user in users
            ],
            erasable=not any(user.is_staff or user.is_superuser for user in users),
            note=_(
                "This account also works in the back office; the secretariat closes such "
                "accounts. Write to it."
            )
            if any(user.is_staff or user.is_superuser for user in users)
            else "",
            consents=[consent for user in users for consent in _consents(user)],
        )
    ]
    requests = JoinRequest.objects.filter(person__in=users).select_related("organ")
    if requests:
        parts.append(
            DataPart(
                kind=JOIN_REQUESTS,
                title=_("Requests to join working groups"),
                rows=[
                    [
                        (_("Working group"), str(request.organ)),
                        (_("Requested on"), _date(request.created_at)),
                        (_("Status"), request.get_status_display()),
                        (_("Message"), request.message or "–"),
                        (_("Organisation represented"), request.represents or "–"),
                        (_("Name may be shown publicly"), _yes_no(request.show_publicly)),
                    ]
                    for request in requests
                ],
            )
        )
    memberships = Membership.objects.filter(person__in=users).select_related("organ")
    if memberships:
        parts.append(
            DataPart(
                kind=MEMBERSHIPS,
                title=_("Memberships"),
                rows=[
                    [
                        (_("Organ"), str(membership.organ)),
                        (_("Role"), membership.get_role_display()),
                        (_("From"), _date(membership.starts_on)),
                        (_("Until"), _date(membership.ends_on) if membership.ends_on else "–"),
                        (_("Organisation represented"), membership.represents or "–"),
                        (_("Name may be shown publicly"), _yes_no(membership.show_publicly)),
                    ]
                    for membership in memberships
                ],
                note=_(
                    "Erasing deletes your memberships of working groups. Other roles "
                    "(chairs, boards, assemblies) are ended by the secretariat; write to it."
                )
                if any(not _leaves_on_request(m) for m in memberships)
                else "",
            )
        )
    return parts


def _leaves_on_request(membership: Membership) -> bool:
    """A plain membership of a working group: anyone may join one, and leave it."""
    return membership.role == Role.MEMBER and membership.organ.is_working_group


def _scrub_log_labels(user, names: list[str]) -> None:
    """Audit entries keep a label of their object; take the person's name out of them."""
    neutral = display_name(user)
    # Only values that name this person: a short user name ("ali") would match other text.
    specific = {value for value in names if value and ("@" in value or " " in value.strip())}
    for name in specific:
        for entry in ModelLogEntry.objects.filter(label__icontains=name).only("pk", "label"):
            label = entry.label.replace(name, neutral)
            if label == entry.label:  # a match in another letter case
                label = neutral
            ModelLogEntry.objects.filter(pk=entry.pk).update(label=label)


def _erase_account(user) -> None:
    names = [user.get_full_name(), user.email, user.username]
    user.first_name = ""
    user.last_name = ""
    user.email = ""
    user.username = f"erased-{uuid.uuid4().hex}"
    user.is_active = False
    user.set_unusable_password()
    user.save()
    # Nothing public may name the account any more.
    Membership.objects.filter(person=user).update(show_publicly=False, represents="")
    JoinRequest.objects.filter(person=user).update(show_publicly=False)
    _scrub_log_labels(user, names)


def person_data_erase(*, email: str, kinds: list[str], reference: str) -> dict[str, int]:
    """Erase the chosen kinds of the owner of ``email``; return how many rows of each.

    Runs atomically with the accounts locked, writes one audit entry per account that
    names neither the person nor the address, and refuses back-office accounts.
    """
    kinds = [kind for kind in kinds if kind in KINDS]  # other apps' kinds are theirs
    if ACCOUNT in kinds:
        # Requests and memberships mean nothing without the account, and could no longer
        # be reached through it: they go with it.
        kinds = list(KINDS)
    erased = {}
    with transaction.atomic():
        users = list(accounts_for_email(email).select_for_update().order_by("pk"))
        if not users:
            return erased
        if ACCOUNT in kinds and any(user.is_staff or user.is_superuser for user in users):
            raise DeliberationError(
                _(
                    "This account also works in the back office; the secretariat closes "
                    "such accounts. Write to it."
                ),
                code="forbidden",
            )
        if JOIN_REQUESTS in kinds:
            requests = JoinRequest.objects.select_for_update().filter(person__in=users)
            ids = [str(pk) for pk in requests.values_list("pk", flat=True)]
            ModelLogEntry.objects.filter(
                content_type=ContentType.objects.get_for_model(JoinRequest), object_id__in=ids
            ).update(label=_("Join request (erased)"))
            erased[JOIN_REQUESTS] = requests.delete()[0]
        if MEMBERSHIPS in kinds:
            memberships = [
                membership
                for membership in Membership.objects.select_for_update()
                .filter(person__in=users)
                .select_related("organ")
                if _leaves_on_request(membership)
            ]
            Membership.objects.filter(pk__in=[m.pk for m in memberships]).delete()
            erased[MEMBERSHIPS] = len(memberships)
        if ACCOUNT in kinds:
            for user in users:
                _erase_account(user)
            erased[ACCOUNT] = len(users)
        for user in users:
            log(
                instance=user,
                action="deliberation.personal_data.erase",
                title=f"#{user.pk}",
                data={"kinds": sorted(erased), "reference": reference},
            )
    return erased
