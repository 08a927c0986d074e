"""The contact page, built on Wagtail's form builder."""

import logging

from django.db import models
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField, EmailFormMixin
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.fields import RichTextField

from cms.spam import SpamProtectedFormBuilder
from shared import limits

from .mixins import BasePage

logger = logging.getLogger(__name__)


class ContactFormField(AbstractFormField):
    page = ParentalKey("cms.ContactPage", related_name="form_fields", on_delete=models.CASCADE)


class ContactPage(AbstractEmailForm, BasePage):
    intro = RichTextField(_("intro"), blank=True, features=["bold", "italic", "link"])
    privacy_notice = RichTextField(
        _("privacy notice"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("The KVKK information text (aydınlatma metni) shown beside the form."),
    )
    thank_you_text = RichTextField(_("thank-you text"), blank=True)

    form_builder = SpamProtectedFormBuilder

    content_panels = [
        *BasePage.content_panels,
        FormSubmissionsPanel(),
        FieldPanel("intro"),
        InlinePanel("form_fields", label=_("Form fields")),
        FieldPanel("privacy_notice"),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]),
                FieldPanel("subject"),
            ],
            heading=_("E-mail"),
        ),
    ]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("contact page")

    def intro_text(self) -> str:
        from django.utils.html import strip_tags

        return strip_tags(self.intro)

    def serve(self, request, *args, **kwargs):
        """Wagtail's form page, limited per client and per e-mail address typed (429)."""
        if request.method == "POST":
            email_fields = [f.clean_name for f in self.get_form_fields() if f.field_type == "email"]
            email = request.POST.get(email_fields[0], "") if email_fields else ""
            form = self.get_form(request.POST, request.FILES, page=self, user=request.user)
            if limits.over_limit(request, form, "contact", email=email):
                context = self.get_context(request)
                context["form"] = form
                return TemplateResponse(request, self.get_template(request), context, status=429)
        return super().serve(request, *args, **kwargs)

    def process_form_submission(self, form):
        # The submission is stored first; a failing mail server must not lose it or
        # show the visitor an error, so the e-mail is best effort and logged.
        # EmailFormMixin is skipped: it would send the e-mail a second time, unguarded.
        submission = super(EmailFormMixin, self).process_form_submission(form)
        if self.to_address:
            try:
                self.send_mail(form)
            except Exception:
                logger.exception(
                    "Contact form e-mail failed; submission %s is stored", submission.pk
                )
        return submission
