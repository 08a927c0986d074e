"""Spam protection for public forms without a CAPTCHA service.

Two cheap signals stop most bots: a honeypot field that people never see (bots fill
every input) and a signed timestamp that must be at least a few seconds old (bots
post instantly) and not older than a day. A timestamp works once: the cache remembers
every accepted one until it would have expired anyway, so a captured form cannot be
replayed. How often one client may send at all is a limit on abuse (shared.limits).
"""

import hashlib
import time

from django import forms
from django.core import signing
from django.core.cache import cache
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.forms import BaseForm, FormBuilder

MIN_SECONDS = 3
MAX_SECONDS = 24 * 60 * 60
_SALT = "cms.spam.form-timestamp"
HONEYPOT_NAME = "website_url"
TIMESTAMP_NAME = "form_started"


def new_timestamp_token() -> str:
    return signing.dumps(time.time(), salt=_SALT)


def _use_once(token: str) -> bool:
    """Mark ``token`` used; False if it was used before."""
    key = "cms.spam.used:" + hashlib.sha256(token.encode()).hexdigest()
    return cache.add(key, True, timeout=MAX_SECONDS + 60)


class SpamProtectedForm(BaseForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[HONEYPOT_NAME] = forms.CharField(
            required=False,
            label=_("Leave this field empty"),
            widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        )
        self.fields[TIMESTAMP_NAME] = forms.CharField(
            required=False, widget=forms.HiddenInput, initial=new_timestamp_token
        )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get(HONEYPOT_NAME):
            raise forms.ValidationError(
                _("Your message looks like spam and was not sent."), code="spam"
            )
        token = cleaned.get(TIMESTAMP_NAME) or ""
        try:
            started = signing.loads(token, salt=_SALT)
        except signing.BadSignature:
            started = None
        elapsed = time.time() - started if isinstance(started, float | int) else None
        if elapsed is None or elapsed > MAX_SECONDS:
            self._renew_token()
            raise forms.ValidationError(
                _("The form has expired. Please check your message and send it again."),
                code="expired",
            )
        if elapsed < MIN_SECONDS:
            raise forms.ValidationError(
                _("The form was sent too quickly. Please wait a moment and send it again."),
                code="too_fast",
            )
        # Used up only by a submission that is otherwise accepted, so correcting a field
        # and sending again still works.
        if not self.errors and not _use_once(token):
            self._renew_token()
            raise forms.ValidationError(
                _("This form was sent already. Please check your message and send it again."),
                code="replayed",
            )
        cleaned.pop(HONEYPOT_NAME, None)
        cleaned.pop(TIMESTAMP_NAME, None)
        return cleaned

    def _renew_token(self) -> None:
        """The page shown again carries a fresh timestamp, so sending again can work."""
        data = self.data.copy()
        data[self.add_prefix(TIMESTAMP_NAME)] = new_timestamp_token()
        self.data = data


class SpamProtectedFormBuilder(FormBuilder):
    def get_form_class(self):
        return type("WagtailForm", (SpamProtectedForm,), self.formfields)
