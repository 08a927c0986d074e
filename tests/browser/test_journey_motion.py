"""A citizen follows a motion by e-mail and hears of the assembly's decision, in Chromium.

On the demo site (load_demo) the secretariat has a motion of the Kent ve Kentli Hakkı
Çalışma Grubu on the municipal assembly's agenda. A citizen finds it by searching in
capitals with Turkish letters, follows it (double opt-in: the link in the e-mail opens a
page whose button confirms), the secretariat records the assembly's decision in the
admin, and the citizen gets one alert, sees the event in the motion's Atom feed and
unsubscribes with the alert's link; the next event sends nothing.

The server runs in the test's process: e-mails land in ``mailoutbox`` (locmem backend)
and the alert task runs at once (the immediate tasks backend of the test settings).
"""

import re
from datetime import timedelta
from urllib.parse import urljoin, urlsplit

import feedparser
import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from cms.models import MotionIndexPage
from deliberation.models import Organ, Topic
from motions import services
from motions.models import (
    AssemblyMeeting,
    EventKind,
    Motion,
    MotionStatus,
    Municipality,
    Outcome,
    Subscription,
)
from tests.browser.journeys import (
    SLOW,
    council_login,
    exactly,
    journey_pages,
    links_in,
    log_in,
    starting,
    success_message,
    tr,
    tr_plural,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

TITLE = "İzmir Körfezi kıyısında kentli hakkı için kesintisiz yürüyüş yolu"
SUMMARY = (
    "Kent ve Kentli Hakkı Çalışma Grubu, körfez kıyısındaki kapalı geçişlerin açılmasını ve "
    "kıyı boyunca herkesin kullanabileceği bir yürüyüş yolu yapılmasını önerdi."
)
FOLLOWER = "yurttas.zeynep@example.com"
DECISION_NUMBER = "2026/318"
DECISION_NOTE = "Oybirliğiyle kabul edildi; Fen İşleri Müdürlüğü uygulamakla görevlendirildi."
SECRETARIAT = council_login("sekreterya")
CONSENT = (
    "I have read the information text above and agree that my e-mail address is "
    "processed to send me these alerts."
)


@pytest.fixture
def browser_pages(new_context, request):
    yield from journey_pages(new_context, request)


@pytest.fixture
def site(demo_site, settings):
    """The demo site; e-mails link to the live server, as BASE_URL does in production."""
    settings.WAGTAILADMIN_BASE_URL = demo_site.url
    return demo_site


@pytest.fixture
def motion(site) -> Motion:
    """A public motion, submitted five weeks ago and since placed on the assembly's agenda.

    Entered through the secretariat's service, as the back office does it.
    """
    secretariat = get_user_model().objects.get(username=SECRETARIAT[0])
    municipality = Municipality.objects.order_by("pk").first()
    today = timezone.localdate()
    submitted_on = today - timedelta(days=35)
    motion = services.motion_create(
        actor=secretariat,
        title=TITLE,
        summary=SUMMARY,
        origin=Organ.objects.get(slug="kent-ve-kentli-hakki-calisma-grubu"),
        municipality=municipality,
        submitted_on=submitted_on,
        outgoing_number="E-12345678-010-2026/260",
        topics=list(Topic.objects.filter(name="Kent Hakkı")),
    )
    meeting = (
        AssemblyMeeting.objects.filter(
            municipality=municipality, date__gt=submitted_on, date__lt=today
        )
        .order_by("date")
        .first()
    )
    services.motion_record_event(
        actor=secretariat,
        motion_id=motion.pk,
        kind=EventKind.PLACED_ON_AGENDA,
        on=meeting.date if meeting else today - timedelta(days=7),
        meeting=meeting,
    )
    motion.refresh_from_db()
    assert motion.is_public and motion.status == MotionStatus.ON_AGENDA
    return motion


# --- The steps -----------------------------------------------------------------------------


def citizen_finds_motion(page, site, motion) -> str:
    """Search the motions page in capitals; open the one motion found. Returns its URL."""
    index = MotionIndexPage.objects.live().get()
    page.goto(site(index.url))
    search = page.get_by_role("searchbox", name=exactly("Search in motions"))
    search.fill("İZMİR KÖRFEZİ")
    page.get_by_role("button", name=exactly("Show motions")).click()
    expect(page).to_have_url(re.compile(r"\?.*q=%C4%B0ZM%C4%B0R"))
    results = page.get_by_role("region", name=exactly("Motions"))
    expect(results.get_by_role("status")).to_contain_text(
        tr_plural("%(counter)s motion found", "%(counter)s motions found", 1)
    )
    found = results.get_by_role("article").get_by_role("link", name=TITLE, exact=True)
    expect(found).to_have_count(1)
    found.click()

    main = page.get_by_role("main")
    expect(main.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(main).to_contain_text(motion.reference)
    expect(main).to_contain_text(tr(MotionStatus.ON_AGENDA.label))
    return page.url


def citizen_follows(page, motion, mailoutbox) -> Subscription:
    """Follow from the motion's page; the consent is required; confirm from the e-mail."""
    follow = page.get_by_role("main").locator(f"a[href*='{reverse('motion_alerts:subscribe')}']")
    expect(follow.first, "the motion's page offers to follow it by e-mail").to_be_visible()
    follow.first.click()
    main = page.get_by_role("main")
    expect(main.get_by_role("heading", level=1)).to_have_text(tr("Follow motions by e-mail"))
    expect(main).to_contain_text(motion.reference)
    expect(main.get_by_role("radio", name=exactly("One motion"))).to_be_checked()
    expect(main.get_by_role("textbox", name=starting("Motion reference"))).to_have_value(
        motion.reference
    )
    main.get_by_role("textbox", name=starting("E-mail address")).fill(FOLLOWER)

    # Without the consent nothing is sent, and the address typed stays in the form.
    main.get_by_role("button", name=exactly("Follow")).click()
    expect(page.get_by_role("alert")).to_be_visible()
    main = page.get_by_role("main")
    expect(main).to_contain_text(
        tr("Alerts are sent only with your consent. Reading the site needs none.")
    )
    expect(main.get_by_role("textbox", name=starting("E-mail address"))).to_have_value(FOLLOWER)
    assert not mailoutbox and not Subscription.objects.exists()

    consent = main.get_by_role("checkbox", name=starting(CONSENT))
    consent.check()
    main.get_by_role("button", name=exactly("Follow")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(tr("Check your mailbox"))

    assert len(mailoutbox) == 1, [message.subject for message in mailoutbox]
    confirmation = mailoutbox[0]
    assert confirmation.to == [FOLLOWER]
    subscription = Subscription.objects.get(email=FOLLOWER)
    assert subscription.motion_id == motion.pk and not subscription.is_confirmed
    confirm_url = next(url for url in links_in(confirmation.body) if "/onayla/" in url)

    # Opening the link shows what is followed and a button; only the button confirms.
    page.goto(confirm_url)
    main = page.get_by_role("main")
    expect(main.get_by_role("heading", level=1)).to_have_text(tr("Confirm your subscription"))
    expect(main).to_contain_text(TITLE)
    subscription.refresh_from_db()
    assert not subscription.is_confirmed, "opening the link alone confirmed the subscription"
    main.get_by_role("button", name=exactly("Yes, send me the alerts")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(tr("Your subscription is confirmed"))
    subscription.refresh_from_db()
    assert subscription.is_confirmed
    return subscription


def secretariat_records_event(page, site, motion, *, kind: str, outcome: str = "", note: str = ""):
    page.goto(site(reverse("motions_motion:inspect", args=[motion.pk])))
    expect(page.get_by_role("main")).to_contain_text(TITLE)
    page.get_by_role("link", name=exactly("Record an event")).first.click()
    form = page.get_by_role("main")
    form.get_by_role("combobox", name=exactly("What happened", required=True)).select_option(kind)
    form.get_by_role("textbox", name=exactly("date")).fill(f"{timezone.localdate():%Y-%m-%d}")
    # A click into another field closes the date picker, which would cover the form.
    form.get_by_role("textbox", name=exactly("note")).click()
    if outcome:
        form.get_by_role("combobox", name=exactly("outcome")).select_option(outcome)
        form.get_by_role("textbox", name=exactly("decision number")).fill(DECISION_NUMBER)
    if note:
        form.get_by_role("textbox", name=exactly("note")).fill(note)
    expect(form.get_by_role("checkbox", name=exactly("public"))).to_be_checked()
    form.get_by_role("button", name=exactly("Record the event")).click()
    expect(page).to_have_url(
        re.compile(rf"/admin/motions/motions/inspect/{motion.pk}/#timeline$"), timeout=SLOW
    )
    motion.refresh_from_db()
    expect(success_message(page)).to_contain_text(tr(motion.get_status_display()))
    return motion.events.latest("recorded_at")


def feed_entries(page, motion_url: str, motion) -> list:
    """The entries of the Atom feed that the motion's page advertises."""
    page.goto(motion_url)
    feed_link = page.locator('head link[rel="alternate"][type="application/atom+xml"]')
    expect(feed_link, "the motion's page links to its Atom feed").to_have_count(1)
    feed_url = urljoin(page.url, feed_link.get_attribute("href"))
    assert urlsplit(feed_url).path == reverse(
        "motion_feeds:motion", kwargs={"reference": motion.reference}
    ), feed_url
    response = page.request.get(feed_url)
    assert response.ok, f"{feed_url} answered {response.status}"
    feed = feedparser.parse(response.body())
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == "atom10"
    return feed.entries


def test_citizen_follows_motion_and_hears_of_decision(site, motion, browser_pages, mailoutbox):
    citizen = browser_pages()
    motion_url = citizen_finds_motion(citizen, site, motion)
    subscription = citizen_follows(citizen, motion, mailoutbox)
    mailoutbox.clear()

    secretariat = browser_pages()
    log_in(secretariat, site, *SECRETARIAT)
    event = secretariat_records_event(
        secretariat,
        site,
        motion,
        kind=EventKind.DECIDED,
        outcome=Outcome.ACCEPTED,
        note=DECISION_NOTE,
    )
    assert motion.status == MotionStatus.ACCEPTED
    assert (event.kind, event.decision_number) == (EventKind.DECIDED, DECISION_NUMBER)
    label = f"{tr(EventKind.DECIDED.label)}: {tr(Outcome.ACCEPTED.label)}"

    # One alert, to the follower, with the event and a link to stop the alerts.
    assert len(mailoutbox) == 1, [(m.to, m.subject) for m in mailoutbox]
    alert = mailoutbox[0]
    assert alert.to == [FOLLOWER]
    assert motion.reference in alert.subject and label in alert.subject, alert.subject
    for text in [TITLE, DECISION_NUMBER, DECISION_NOTE, motion_url]:
        assert text in alert.body, f"{text!r} is not in the alert:\n{alert.body}"
    unsubscribe_urls = [url for url in links_in(alert.body) if "/birak/" in url]
    assert unsubscribe_urls == [
        site(reverse("motion_alerts:unsubscribe", args=[subscription.token]))
    ], alert.body

    # The motion's page and its Atom feed show the decision.
    citizen.goto(motion_url)
    timeline = citizen.get_by_role("region", name=exactly("Timeline"))
    expect(timeline).to_contain_text(label)
    expect(timeline).to_contain_text(DECISION_NOTE)
    entries = [entry for entry in feed_entries(citizen, motion_url, motion) if label in entry.title]
    assert [entry.title for entry in entries] == [f"{motion.reference} – {label}"]
    assert entries[0].link == motion_url
    assert DECISION_NOTE in entries[0].summary

    # Unsubscribing: the alert's link opens a page, its button ends the subscription.
    citizen.goto(unsubscribe_urls[0])
    main = citizen.get_by_role("main")
    expect(main.get_by_role("heading", level=1)).to_have_text(tr("Stop the alerts"))
    expect(main).to_contain_text(TITLE)
    main.get_by_role("button", name=exactly("Unsubscribe")).click()
    expect(citizen.get_by_role("heading", level=1)).to_have_text(tr("You are unsubscribed"))
    assert not Subscription.objects.filter(email=FOLLOWER).exists()

    # The next event reaches the feed, and no one by e-mail.
    mailoutbox.clear()
    secretariat_records_event(secretariat, site, motion, kind=EventKind.BECAME_FINAL)
    final_label = tr(EventKind.BECAME_FINAL.label)
    titles = [entry.title for entry in feed_entries(citizen, motion_url, motion)]
    assert f"{motion.reference} – {final_label}" in titles, titles
    assert mailoutbox == [], [(m.to, m.subject) for m in mailoutbox]
