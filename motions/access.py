"""Who may see and record what in motions: the motions half of the one access policy.

Roles come from ``deliberation.access`` (the snapshot of a user's roles); the rules of
what citizens see are the querysets' ``public()`` methods, defined once next to the
models and asked by every public channel (pages, search, feeds, sitemap, CSV, API):

- a motion is public when the secretariat marked it so: ``Motion.objects.public()``;
- an event is public when it is marked public, is not corrected by a later entry and
  belongs to a public motion: ``MotionEvent.objects.public()``.
"""

from deliberation import access as deliberation_access


def can_record_motions(user) -> bool:
    """The secretariat records motions and every step of their follow-up; nobody else."""
    return deliberation_access.is_secretariat(user)
