"""The KVKK record of erasures made on the personal data page: never whose."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PersonalDataErasure(models.Model):
    """When someone erased which kinds of their data, and how many rows of each.

    It keeps no name and no address: the reference is a random one, given in the link
    e-mailed to the person, so that they (and nobody else) can point at this record.
    """

    erased_at = models.DateTimeField(_("erased at"), auto_now_add=True)
    reference = models.CharField(_("request reference"), max_length=32, db_index=True)
    kinds = models.JSONField(_("what was erased"), default=dict)

    class Meta:
        verbose_name = _("personal data erasure record")
        verbose_name_plural = _("personal data erasure records")
        ordering = ["-erased_at"]

    def __str__(self):
        return f"{self.erased_at:%Y-%m-%d} {self.reference}"
