"""Deciding a request to join a working group."""

from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from wagtail.admin import messages
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from deliberation import access, services
from deliberation.errors import DeliberationError
from deliberation.forms import JoinRequestDecisionForm, person_label
from deliberation.models import JoinRequestStatus


class JoinRequestDecideView(WagtailAdminTemplateMixin, FormView):
    """Accept or decline a request to join (services.join_request_decide).

    The group's chair (or deputy) sees their groups' requests; the secretariat all.
    """

    form_class = JoinRequestDecisionForm
    template_name = "deliberation/admin/join_request_decide.html"
    page_title = gettext_lazy("Request to join")
    header_icon = "user"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        requests = access.decidable_join_requests(request.user)
        self.join_request = get_object_or_404(
            requests.select_related("organ", "person", "decided_by"), pk=kwargs["pk"]
        )

    def get_page_subtitle(self):
        return f"{person_label(self.join_request.person)} → {self.join_request.organ}"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("deliberation_joinrequest:index"), "label": _("Join requests")},
            {"url": "", "label": self.get_page_title(), "sublabel": self.get_page_subtitle()},
        ]

    def form_valid(self, form):
        accept = "accept" in self.request.POST
        if not accept and "decline" not in self.request.POST:
            form.add_error(None, _("Choose to accept or decline the request."))
            return self.form_invalid(form)
        try:
            join_request = services.join_request_decide(
                actor=self.request.user,
                request_id=self.join_request.pk,
                accept=accept,
                reason=form.cleaned_data["reason"],
            )
        except DeliberationError as error:
            messages.error(self.request, error.message)
            return self.form_invalid(form)
        if accept:
            message = _("%(person)s is now a member of %(organ)s; they are told by e-mail.")
        else:
            message = _("The request of %(person)s was declined; they are told by e-mail.")
        messages.success(
            self.request,
            message % {"person": person_label(join_request.person), "organ": join_request.organ},
        )
        return redirect("deliberation_joinrequest:index")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["join_request"] = self.join_request
        context["is_pending"] = self.join_request.status == JoinRequestStatus.PENDING
        # E-mail addresses are personal data (KVKK): the secretariat sees them, chairs don't.
        context["show_email"] = access.can_see_email_addresses(self.request.user)
        context["preselected"] = self.request.GET.get("decision", "")
        return context
