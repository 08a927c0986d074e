"""People without a name are shown as "Member #12", never by their e-mail address (KVKK).

Usernames hold e-mail addresses; chairs and members are not staff and never see them.
The secretariat still sees the address where it has to write to the person.
"""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation
from wagtail.users.models import UserProfile

from deliberation import services
from deliberation.errors import DeliberationError
from deliberation.forms import person_label
from deliberation.people import display_name

from .factories import (
    JoinRequestFactory,
    MembershipFactory,
    ReportFactory,
    UserFactory,
    edit_report,
)

pytestmark = pytest.mark.django_db

EMAIL = "adsiz.kisi@example.org"


def admin_client(user) -> Client:
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    client = Client(headers={"accept-language": "en"})
    client.force_login(user)
    return client


@pytest.fixture
def nameless(db):
    """Someone who signed up without a name: only the e-mail address identifies them."""
    return UserFactory(first_name="", last_name="", username=EMAIL, email=EMAIL)


def test_the_label_is_the_name_else_a_member_number(nameless):
    named = UserFactory(first_name="Ayşe", last_name="Yılmaz")

    assert display_name(named) == "Ayşe Yılmaz"
    assert display_name(nameless) == f"Üye #{nameless.pk}"  # the site speaks Turkish first
    with translation.override("en"):
        assert display_name(nameless) == f"Member #{nameless.pk}"
        assert person_label(nameless) == f"Member #{nameless.pk}"
    assert EMAIL not in str(JoinRequestFactory(person=nameless))


def test_the_chair_deciding_a_request_sees_no_email_the_secretariat_does(
    group, chair, secretariat, nameless
):
    request = JoinRequestFactory(organ=group, person=nameless)
    url = reverse("deliberation_joinrequest:edit", args=[request.pk])

    for_chair = admin_client(chair).get(url).content.decode()
    for_secretariat = admin_client(secretariat).get(url).content.decode()

    assert f"Member #{nameless.pk}" in for_chair and EMAIL not in for_chair
    assert EMAIL in for_secretariat


def test_the_chairs_listing_and_message_after_deciding_name_no_email(group, chair, nameless):
    request = JoinRequestFactory(organ=group, person=nameless)
    client = admin_client(chair)

    listing = client.get(reverse("deliberation_joinrequest:index")).content.decode()
    decided = client.post(
        reverse("deliberation_joinrequest:edit", args=[request.pk]),
        {"accept": "1", "reason": ""},
        follow=True,
    ).content.decode()

    assert f"Member #{nameless.pk}" in listing and EMAIL not in listing
    assert f"Member #{nameless.pk} is now a member" in decided and EMAIL not in decided


def test_a_report_page_names_a_nameless_author_without_the_email(group, member, nameless):
    MembershipFactory(organ=group, person=nameless)
    report = ReportFactory(group=group, author=nameless, title="Adsız üyenin raporu")
    services.report_comment_add(actor=nameless, report_id=report.pk, body="Bir not.")

    page = (
        admin_client(member)
        .get(reverse("deliberation_report:inspect", args=[report.pk]))
        .content.decode()
    )

    assert f"Member #{nameless.pk}" in page  # the timeline and the comment
    assert EMAIL not in page


def test_a_save_conflict_names_the_other_editor_without_the_email(group, member, nameless):
    MembershipFactory(organ=group, person=nameless)
    report = ReportFactory(group=group)
    loaded = report.latest_revision_id
    edit_report(report, actor=nameless, title="Önce kaydedilen")

    with pytest.raises(DeliberationError) as conflict:
        edit_report(report, actor=member, base_revision_id=loaded, title="Sonra kaydedilen")

    assert f"(Üye #{nameless.pk})" in conflict.value.message
    assert EMAIL not in conflict.value.message
