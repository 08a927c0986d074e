"""Motion statuses, event kinds and the one table of which event may follow which."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class MotionStatus(models.TextChoices):
    """Machine codes are part of the public API contract: never rename them."""

    SUBMITTED = "submitted", _("Submitted")
    ON_AGENDA = "on_agenda", _("On the agenda")
    IN_COMMITTEE = "in_committee", _("In committee")
    POSTPONED = "postponed", _("Postponed")
    ACCEPTED = "accepted", _("Accepted")
    ACCEPTED_AMENDED = "accepted_amended", _("Accepted with amendments")
    REJECTED = "rejected", _("Rejected")
    NOTED = "noted", _("Noted")
    RETURNED_BY_MAYOR = "returned_by_mayor", _("Returned by the mayor")
    IMPLEMENTING = "implementing", _("Being implemented")
    COMPLETED = "completed", _("Completed")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class Outcome(models.TextChoices):
    ACCEPTED = "accepted", _("Accepted (kabul edildi)")
    ACCEPTED_AMENDED = "accepted_amended", _("Accepted with amendments (değiştirilerek kabul)")
    REJECTED = "rejected", _("Rejected (reddedildi)")
    NOTED = "noted", _("Noted, no vote (bilgiye sunuldu)")


class EventKind(models.TextChoices):
    # Recorded by the service that enters the motion, never by hand: it is what the feeds
    # and the alerts announce when a motion is new. The status starts as "submitted".
    SUBMITTED = "submitted", _("Submitted")
    PLACED_ON_AGENDA = "placed_on_agenda", _("Placed on the agenda")
    REFERRED = "referred", _("Referred to committee")
    COMMITTEE_REPORTED = "committee_reported", _("Committee reported")
    POSTPONED = "postponed", _("Postponed")
    DECIDED = "decided", _("Decided")
    RETURNED_BY_MAYOR = "returned_by_mayor", _("Returned by the mayor (art. 23)")
    INSISTED = "insisted", _("Assembly insisted")
    BECAME_FINAL = "became_final", _("Became final")
    REPORTED_BACK = "reported_back", _("Result reported back to the council")
    IMPLEMENTATION_UPDATE = "implementation_update", _("Implementation update")
    COMPLETED = "completed", _("Completed")
    WITHDRAWN = "withdrawn", _("Withdrawn")


S, K = MotionStatus, EventKind
DECIDED_STATUSES = (S.ACCEPTED, S.ACCEPTED_AMENDED, S.REJECTED, S.NOTED)
ACCEPTED_STATUSES = (S.ACCEPTED, S.ACCEPTED_AMENDED)

# For each status, the events that may come next and the status each leads to.
# None means the event does not change the status (it is recorded on the timeline).
# DECIDED leads to the status its outcome names.
TRANSITIONS: dict[str, dict[str, str | None]] = {
    S.SUBMITTED: {K.PLACED_ON_AGENDA: S.ON_AGENDA, K.WITHDRAWN: S.WITHDRAWN},
    S.ON_AGENDA: {
        K.REFERRED: S.IN_COMMITTEE,
        K.POSTPONED: S.POSTPONED,
        K.DECIDED: None,
        K.WITHDRAWN: S.WITHDRAWN,
    },
    S.IN_COMMITTEE: {
        K.COMMITTEE_REPORTED: S.ON_AGENDA,
        K.REFERRED: S.IN_COMMITTEE,
        # Art. 24: when the committee misses its deadline the chair puts the item on the
        # agenda directly, and the assembly may decide it without the committee's report.
        K.PLACED_ON_AGENDA: S.ON_AGENDA,
        K.DECIDED: None,
        K.WITHDRAWN: S.WITHDRAWN,
    },
    S.POSTPONED: {
        K.PLACED_ON_AGENDA: S.ON_AGENDA,
        K.REFERRED: S.IN_COMMITTEE,
        K.DECIDED: None,
        K.WITHDRAWN: S.WITHDRAWN,
    },
    **{
        status: {
            K.RETURNED_BY_MAYOR: S.RETURNED_BY_MAYOR,
            K.BECAME_FINAL: None,
            K.REPORTED_BACK: None,
            **(
                {K.IMPLEMENTATION_UPDATE: S.IMPLEMENTING, K.COMPLETED: S.COMPLETED}
                if status in ACCEPTED_STATUSES
                else {}
            ),
        }
        for status in DECIDED_STATUSES
    },
    S.RETURNED_BY_MAYOR: {
        K.INSISTED: None,  # the earlier decision stands; see lifecycle.replay
        K.DECIDED: None,
        K.PLACED_ON_AGENDA: S.ON_AGENDA,
        K.REPORTED_BACK: None,
    },
    S.IMPLEMENTING: {
        K.IMPLEMENTATION_UPDATE: S.IMPLEMENTING,
        K.COMPLETED: S.COMPLETED,
        K.REPORTED_BACK: None,
    },
    S.COMPLETED: {K.REPORTED_BACK: None},
    S.WITHDRAWN: {},
}

FINAL_STATUSES = (S.COMPLETED, S.WITHDRAWN)
