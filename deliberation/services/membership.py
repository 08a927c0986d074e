"""Joining a working group: anyone may ask, its chair or the secretariat decides."""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from deliberation import access, notifications
from deliberation.errors import DeliberationError
from deliberation.models import JoinRequest, JoinRequestStatus, Membership, Organ, Role


def join_request_create(
    *, person, organ_id: int, message: str = "", represents: str = "", show_publicly: bool = False
) -> JoinRequest:
    """A signed-in, verified person asks to join a working group."""
    if not person.is_authenticated or not person.is_active:
        raise DeliberationError(
            _("Sign in with a verified e-mail address first."), code="forbidden"
        )
    with transaction.atomic():
        try:
            organ = Organ.objects.select_for_update().get(pk=organ_id, is_active=True)
        except Organ.DoesNotExist:
            raise DeliberationError(
                _("This working group does not exist."), code="not_found"
            ) from None
        if not (organ.is_working_group and organ.accepts_join_requests):
            raise DeliberationError(_("%(organ)s does not take join requests.") % {"organ": organ})
        if access.is_member_of(person, organ.pk):
            raise DeliberationError(
                _("You are already a member of %(organ)s.") % {"organ": organ}, code="state"
            )
        try:
            with transaction.atomic():
                request = JoinRequest.objects.create(
                    organ=organ,
                    person=person,
                    message=message.strip(),
                    represents=represents.strip(),
                    show_publicly=show_publicly,
                )
        except IntegrityError:
            raise DeliberationError(
                _("You have already asked to join %(organ)s; the chair will answer soon.")
                % {"organ": organ},
                code="state",
            ) from None
        log(instance=request, action="deliberation.join_request.create", user=person)
        leaders = Membership.objects.current().filter(
            organ=organ, role__in=[Role.CHAIR, Role.DEPUTY_CHAIR]
        )
        notifications.on_commit_send(
            "deliberation/email/join_request_new",
            {"request": request, "organ": organ},
            list(leaders.values_list("person__email", flat=True))
            + notifications.secretariat_emails(),
        )
    return request


def join_request_decide(*, actor, request_id: int, accept: bool, reason: str = "") -> JoinRequest:
    """The group's chair (or deputy) or the secretariat accepts or declines a request."""
    with transaction.atomic():
        try:
            request = (
                JoinRequest.objects.select_for_update()
                .select_related("organ", "person")
                .get(pk=request_id)
            )
        except JoinRequest.DoesNotExist:
            raise DeliberationError(_("This request does not exist."), code="not_found") from None
        if not (access.leads(actor, request.organ_id) or access.is_secretariat(actor)):
            raise DeliberationError(
                _("Only the chair of %(organ)s or the secretariat can decide on requests to join.")
                % {"organ": request.organ},
                code="forbidden",
            )
        if request.status != JoinRequestStatus.PENDING:
            raise DeliberationError(
                _("This request was already decided (%(status)s).")
                % {"status": request.get_status_display()},
                code="state",
            )
        request.status = JoinRequestStatus.ACCEPTED if accept else JoinRequestStatus.DECLINED
        request.decided_at = timezone.now()
        request.decided_by = actor
        request.reason = reason.strip()
        request.save()
        if accept and not access.is_member_of(request.person, request.organ_id):
            Membership.objects.create(
                organ=request.organ,
                person=request.person,
                role=Role.MEMBER,
                represents=request.represents,
                show_publicly=request.show_publicly,
            )
        log(
            instance=request,
            action="deliberation.join_request.accept"
            if accept
            else "deliberation.join_request.decline",
            user=actor,
            data={"reason": request.reason},
        )
        notifications.on_commit_send(
            "deliberation/email/join_request_decided",
            {"request": request, "organ": request.organ, "accepted": accept},
            [request.person.email],
        )
    return request
