"""A working group's report goes from a member's draft to the council's approval, in Chromium.

The demo council (load_demo) provides the organs, their members and the logins:
``uye`` is a member and ``baskan`` the chair of the Kent ve Kentli Hakkı Çalışma Grubu,
``sekreterya`` belongs to the secretariat and ``kurul`` sits on the Executive Board and the
General Assembly. Every step of the path is taken in the admin
as those people would take it; the database is only read, to know the URLs and to check
that what the pages say is what was stored. At the end an anonymous visitor finds the
report on the group's page with its approval record, and nothing of its drafts. A second
journey takes the other turn: the board returns the report with its reasons, and the group
finds it back in draft, the reasons on its timeline and the returned version kept.
"""

import re
from urllib.parse import urlencode

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from cms.models import OrganPage
from deliberation.models import Decision, Organ, OrganKind, Report, ReportStatus
from tests.browser.journeys import (
    SLOW,
    council_login,
    exactly,
    journey_pages,
    log_in,
    success_message,
    tr,
    tr_plural,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

GROUP_SLUG = "kent-ve-kentli-hakki-calisma-grubu"
GROUP_NAME = "Kent ve Kentli Hakkı Çalışma Grubu"
TITLE = "Çiğli sazlıklarına kamusal erişim ve kentli hakkı"
SUMMARY_V1 = "İlk taslak: sazlık kıyısındaki yürüyüş yolu ÖZEL_İLK_SÜRÜM kısa kesiliyor."
SUMMARY_V2 = (
    "Çiğli sazlıklarının kıyısı herkese açık olmalı; grup, kesintisiz bir yürüyüş yolu ve "
    "kuş gözlem noktaları öneriyor."
)
PROBLEM = "Kıyıya inen patikaların üçü özel tesislerce kapatılmış."
FINDINGS = "Mahalle sakinleriyle yapılan gözlemde 412 kişi kıyıya ulaşamadığını söyledi."
RECOMMENDATIONS = "Kıyı boyunca kesintisiz, erişilebilir bir yürüyüş yolu yapılmalıdır."
REFERENCES = "Kıyı Kanunu, madde 6."
COMMENT = "Gözlem sayılarını ekledim; ÖZEL_YORUM bir kez daha okuyalım mı?"
BOARD_OPINION = "Yürütme Kurulu raporu olumlu görüşle Genel Kurula sunar."
RETURN_REASONS = "Gözlem sayılarının kaynağı belirtilmeli; ÖZEL_GEREKÇE ile yeniden ele alınsın."
SUMMARY_V3 = "Gözlem sayıları mahalle muhtarlıklarının kayıtlarıyla karşılaştırıldı."
MEMBER = council_login("uye")
CHAIR = council_login("baskan")
SECRETARIAT = council_login("sekreterya")
BOARD_MEMBER = council_login("kurul")


@pytest.fixture
def council(demo_site):
    """The demo site with the group's page; returns what the journey needs to know."""
    group = Organ.objects.get(slug=GROUP_SLUG)
    organ_page = OrganPage.objects.live().get(organ=group)
    board = Organ.objects.get(kind=OrganKind.EXECUTIVE_BOARD)
    assembly = Organ.objects.get(kind=OrganKind.GENERAL_ASSEMBLY)
    return {
        "group": group,
        "page_url": demo_site(organ_page.url),
        "board": board,
        "assembly": assembly,
    }


@pytest.fixture
def browser_pages(new_context, request):
    yield from journey_pages(new_context, request)


def admin_url(site, name: str, *args) -> str:
    return site(reverse(name, args=args))


def richtext(page, field_name: str):
    """The Draftail editor of a rich-text field."""
    wrapper = page.locator("[data-field-wrapper]").filter(
        has=page.locator(f"input[name='{field_name}']")
    )
    return wrapper.get_by_role("textbox")


def type_richtext(page, field_name: str, text: str) -> None:
    editor = richtext(page, field_name)
    editor.click()
    page.keyboard.type(text)
    # Draftail copies its content into the hidden input a moment after typing stops.
    expect(page.locator(f"input[name='{field_name}']")).to_have_value(
        re.compile(re.escape(text.split()[0]))
    )


# --- The steps -----------------------------------------------------------------------------


def member_drafts_and_revises(page, site) -> Report:
    page.goto(admin_url(site, "deliberation_report:add"))
    # A member may start reports only for their own groups.
    group_select = page.get_by_role(
        "combobox", name=exactly("working group or assembly", required=True)
    )
    expect(group_select.get_by_role("option", name=GROUP_NAME)).to_have_count(1)
    expect(group_select.get_by_role("option", name="Engelsiz Yaşam Çalışma Grubu")).to_have_count(0)
    group_select.select_option(label=GROUP_NAME)
    page.get_by_role("textbox", name=exactly("title", required=True)).fill(TITLE)
    page.get_by_role("textbox", name=exactly("summary", required=True)).fill(SUMMARY_V1)
    type_richtext(page, "problem", PROBLEM)
    type_richtext(page, "findings", FINDINGS)
    page.get_by_role("button", name=exactly("Save")).click()
    expect(page).to_have_url(re.compile(r"/admin/deliberation/reports/edit/\d+/$"), timeout=SLOW)
    expect(success_message(page)).to_contain_text(TITLE)
    report = Report.objects.get(title=TITLE)
    assert report.status == ReportStatus.DRAFT and report.created_by.username == MEMBER[0]

    # The second version: a better summary and the remaining sections.
    page.get_by_role("textbox", name=exactly("summary", required=True)).fill(SUMMARY_V2)
    type_richtext(page, "recommendations", RECOMMENDATIONS)
    type_richtext(page, "references", REFERENCES)
    page.get_by_role("button", name=exactly("Save")).click()
    expect(success_message(page)).to_contain_text(TITLE, timeout=SLOW)
    expect(page.get_by_role("textbox", name=exactly("summary", required=True))).to_have_value(
        SUMMARY_V2
    )

    # The report's page: two versions, and a comment for the group.
    page.get_by_role("link", name=exactly("Status, timeline and comments")).first.click()
    versions = page.get_by_role("region", name=exactly("Versions"))
    expect(versions).to_contain_text(
        tr_plural("One saved version.", "%(counter)s saved versions.", 2)
    )
    page.get_by_role("textbox", name=exactly("Comment", required=True)).fill(COMMENT)
    page.get_by_role("button", name=exactly("Add comment")).click()
    expect(success_message(page)).to_contain_text(tr("Your comment was added."), timeout=SLOW)
    expect(page.get_by_role("region", name=exactly("Comments"))).to_contain_text(COMMENT)
    assert report.revisions.count() == 2
    return report


def draft_stays_private(page, site, council, report) -> None:
    """What a visitor sees while the report is a draft: nothing of it."""
    page.goto(council["page_url"])
    main = page.get_by_role("main")
    expect(main.get_by_role("heading", level=1)).to_have_text(council["group"].name)
    expect(main).not_to_contain_text(TITLE)
    expect(main).not_to_contain_text(SUMMARY_V2)

    report_url = f"{council['page_url']}rapor/{report.pk}/"
    response = page.goto(report_url)
    assert response.status == 404, f"{report_url} answered {response.status} for a draft"

    for query in ["Çiğli sazlıkları", "kentli hakkı"]:
        page.goto(site(reverse("search")) + "?" + urlencode({"q": query}))
        main = page.get_by_role("main")
        expect(main).not_to_contain_text(TITLE)
        expect(main).not_to_contain_text(SUMMARY_V1)
    # The group's own page is found by its name, and still shows no draft.
    expect(main.get_by_role("link", name=council["group"].name).first).to_be_visible()


def chair_adopts_and_submits(page, site, report) -> None:
    page.goto(admin_url(site, "deliberation_report:inspect", report.pk))
    expect(page.get_by_role("heading", name=TITLE, exact=True)).to_be_visible()
    page.get_by_role("button", name=exactly("Adopt as the group's report")).click()
    expect(success_message(page)).to_contain_text(
        tr(ReportStatus.GROUP_ADOPTED.label), timeout=SLOW
    )
    page.get_by_role("button", name=exactly("Submit to the Executive Board")).click()
    expect(success_message(page)).to_contain_text(tr(ReportStatus.BOARD_REVIEW.label), timeout=SLOW)
    report.refresh_from_db()
    assert report.status == ReportStatus.BOARD_REVIEW


def secretariat_records_meeting(
    page,
    site,
    *,
    organ,
    report,
    present: int,
    yes: int,
    no: int,
    abstain: int,
    kind: str,
    text: str = "",
) -> Decision:
    """Create the organ's meeting with the report on its agenda, then attendance and vote.

    The meeting is held now, after the report reached the organ.
    """
    starts_at = timezone.localtime()
    day = starts_at.date()
    page.goto(admin_url(site, "deliberation_meeting:add"))
    page.get_by_role("combobox", name=exactly("organ", required=True)).select_option(
        label=organ.name
    )
    starts = page.get_by_role("textbox", name=exactly("date and time", required=True))
    starts.fill(f"{starts_at:%Y-%m-%d %H:%M}")
    starts.press("Escape")
    page.get_by_role("textbox", name=exactly("place", required=True)).fill(
        "Örnek Kent Konseyi Toplantı Salonu"
    )
    # The first empty row of the agenda: its fields are labelled for screen readers.
    page.get_by_role("textbox", name=exactly("title", required=True)).first.fill(f"{TITLE} raporu")
    report_select = page.get_by_role("combobox", name=exactly("report")).first
    choice = report_select.get_by_role("option", name=re.compile(rf"^{re.escape(TITLE)} – "))
    report_select.select_option(label=choice.text_content())
    page.get_by_role("button", name=exactly("Create")).click()
    expect(page).to_have_url(
        re.compile(r"/admin/deliberation/meetings/inspect/\d+/$"), timeout=SLOW
    )

    # Attendance: the first members of the list are present.
    page.get_by_role("link", name=exactly("Record attendance")).first.click()
    boxes = page.get_by_role("main").get_by_role("checkbox")
    members = organ.member_count_on(day)
    expect(boxes).to_have_count(members)
    for number in range(present):
        boxes.nth(number).check()
    page.get_by_role("button", name=exactly("Save attendance")).click()
    # The numbers: members, present, needed for a quorum.
    quorum = page.get_by_label(exactly("Quorum"))
    expect(quorum.locator("dd")).to_have_text(
        [str(members), str(present), str(members // 2 + 1)], timeout=SLOW
    )
    expect(page.get_by_role("main")).to_contain_text(tr("Quorate"))

    # The decision on the report, with its vote as totals.
    page.get_by_role("link", name=exactly("Record decision")).click()
    decision_kind = page.get_by_role("combobox", name=exactly("Decision", required=True))
    if kind in ("opinion", "approve"):
        # What the report's path expects of this organ is offered first.
        expect(decision_kind).to_have_value(kind)
    else:
        decision_kind.select_option(kind)
    page.get_by_role("spinbutton", name=exactly("Yes (kabul)")).fill(str(yes))
    page.get_by_role("spinbutton", name=exactly("No (ret)")).fill(str(no))
    page.get_by_role("spinbutton", name=exactly("Abstain (çekimser)")).fill(str(abstain))
    if text:
        page.get_by_role("textbox", name=exactly("Text of the decision and reasons")).fill(text)
    page.get_by_role("button", name=exactly("Record decision")).click()
    expect(page).to_have_url(
        re.compile(r"/admin/deliberation/meetings/inspect/\d+/$"), timeout=SLOW
    )
    decision = Decision.objects.get(agenda_item__report=report, organ=organ)
    assert decision.adopted and (decision.present, decision.yes) == (present, yes)
    assert decision.reference == f"{day.year}/{decision.number}"
    expect(success_message(page)).to_contain_text(decision.reference)
    agenda_row = page.get_by_role("row").filter(has_text=TITLE)
    expect(agenda_row).to_contain_text(decision.reference)
    return decision


def visitor_reads_approved_report(page, council, report, board_decision, assembly_decision):
    page.goto(council["page_url"])
    section = page.get_by_role("region", name=exactly("Approved reports"))
    link = section.get_by_role("link", name=TITLE)
    expect(link).to_be_visible()
    link.click()
    # The address that answered 404 while the report was a draft.
    expect(page).to_have_url(f"{council['page_url']}rapor/{report.pk}/")
    main = page.get_by_role("main")
    expect(main.get_by_role("heading", level=1)).to_have_text(TITLE)
    for text in [SUMMARY_V2, PROBLEM, FINDINGS, RECOMMENDATIONS, REFERENCES, BOARD_OPINION]:
        expect(main).to_contain_text(text)

    record = main.get_by_role(
        "table", name=exactly("Decisions of the council's organs on this report")
    )
    for decision, organ in [
        (board_decision, council["board"]),
        (assembly_decision, council["assembly"]),
    ]:
        row = record.get_by_role("row").filter(
            has=page.get_by_role("rowheader", name=organ.name, exact=True)
        )
        expect(row).to_have_count(1)
        cells = row.get_by_role("cell")
        expect(cells).to_have_text(
            [
                re.compile(r"\d{4}"),  # the meeting's date
                decision.reference,
                tr(decision.get_kind_display()),
                str(decision.members),
                str(decision.present),
                str(decision.yes),
                str(decision.no),
                str(decision.abstain),
                re.compile(r"\S"),
            ]
        )
    # Nothing of the drafts: not the first version, not the group's comments.
    expect(main).not_to_contain_text("ÖZEL_İLK_SÜRÜM")
    expect(main).not_to_contain_text("ÖZEL_YORUM")
    expect(page.locator("body")).not_to_contain_text("ÖZEL_YORUM")


def test_report_goes_from_draft_to_public_approval(council, demo_site, browser_pages):
    member = browser_pages()
    log_in(member, demo_site, *MEMBER)
    report = member_drafts_and_revises(member, demo_site)

    visitor = browser_pages()
    draft_stays_private(visitor, demo_site, council, report)

    chair = browser_pages()
    log_in(chair, demo_site, *CHAIR)
    chair_adopts_and_submits(chair, demo_site, report)

    secretariat = browser_pages()
    log_in(secretariat, demo_site, *SECRETARIAT)
    board_decision = secretariat_records_meeting(
        secretariat,
        demo_site,
        organ=council["board"],
        report=report,
        present=7,
        yes=6,
        no=0,
        abstain=1,
        kind="opinion",
        text=BOARD_OPINION,
    )
    report.refresh_from_db()
    assert report.status == ReportStatus.ASSEMBLY_REVIEW
    # Still under review: not public yet.
    response = visitor.goto(f"{council['page_url']}rapor/{report.pk}/")
    assert response.status == 404

    assembly_decision = secretariat_records_meeting(
        secretariat,
        demo_site,
        organ=council["assembly"],
        report=report,
        present=30,
        yes=25,
        no=3,
        abstain=2,
        kind="approve",
    )
    report.refresh_from_db()
    assert report.status == ReportStatus.APPROVED
    assert report.approved_on == assembly_decision.decided_on

    visitor_reads_approved_report(visitor, council, report, board_decision, assembly_decision)


# --- The other turn: returned with reasons ---------------------------------------------------


def board_member_reads_what_waits(page, site, report) -> None:
    """On the dashboard the report waits for the board member; they read it, cannot edit it."""
    page.goto(site("/admin/"))
    waiting = page.get_by_role("region", name=exactly("Waiting for me"))
    # kurul sits on both reviewing organs.
    expect(waiting).to_contain_text(
        tr("Reports before the Executive Board or the General Assembly")
    )
    waiting.get_by_role("link", name=TITLE).click()
    expect(page.get_by_role("heading", name=TITLE, exact=True)).to_be_visible(timeout=SLOW)
    expect(page.get_by_role("main")).to_contain_text(SUMMARY_V2)
    for action in ["Adopt as the group's report", "Submit to the Executive Board", "Withdraw"]:
        expect(page.get_by_role("button", name=exactly(action))).to_have_count(0)
    # Its edit screen is the group's: the board member is turned away from it.
    page.goto(admin_url(site, "deliberation_report:edit", report.pk))
    expect(page.get_by_role("textbox", name=exactly("summary", required=True))).to_have_count(0)
    expect(page.get_by_role("button", name=exactly("Save"))).to_have_count(0)


def member_finds_it_returned_and_revises(page, site, report) -> None:
    page.goto(site("/admin/"))
    waiting = page.get_by_role("region", name=exactly("Waiting for me"))
    expect(waiting).to_contain_text("ÖZEL_GEREKÇE")
    waiting.get_by_role("link", name=TITLE).first.click()
    expect(page.get_by_role("heading", name=TITLE, exact=True)).to_be_visible(timeout=SLOW)
    timeline = page.get_by_role("region", name=exactly("Timeline"))
    returned_row = timeline.get_by_role("row").filter(has_text="ÖZEL_GEREKÇE")
    expect(returned_row).to_have_count(1)
    expect(returned_row).to_contain_text(tr(ReportStatus.DRAFT.label))
    # The version the board saw is kept: two saves so far, and a third now.
    versions = page.get_by_role("region", name=exactly("Versions"))
    expect(versions).to_contain_text(
        tr_plural("One saved version.", "%(counter)s saved versions.", 2)
    )
    page.goto(admin_url(site, "deliberation_report:edit", report.pk))
    page.get_by_role("textbox", name=exactly("summary", required=True)).fill(SUMMARY_V3)
    page.get_by_role("button", name=exactly("Save")).click()
    expect(success_message(page)).to_contain_text(TITLE, timeout=SLOW)
    assert report.revisions.count() == 3
    returned = report.revisions.order_by("created_at")[1]
    assert returned.content["summary"] == SUMMARY_V2


def test_board_returns_the_report_with_reasons_and_the_group_revises_it(
    council, demo_site, browser_pages
):
    member = browser_pages()
    log_in(member, demo_site, *MEMBER)
    report = member_drafts_and_revises(member, demo_site)
    chair = browser_pages()
    log_in(chair, demo_site, *CHAIR)
    chair_adopts_and_submits(chair, demo_site, report)

    board_member = browser_pages()
    log_in(board_member, demo_site, *BOARD_MEMBER)
    board_member_reads_what_waits(board_member, demo_site, report)

    secretariat = browser_pages()
    log_in(secretariat, demo_site, *SECRETARIAT)
    decision = secretariat_records_meeting(
        secretariat,
        demo_site,
        organ=council["board"],
        report=report,
        present=7,
        yes=5,
        no=1,
        abstain=1,
        kind="return",
        text=RETURN_REASONS,
    )
    assert decision.kind == "return"
    report.refresh_from_db()
    assert report.status == ReportStatus.DRAFT

    member_finds_it_returned_and_revises(member, demo_site, report)

    # Nothing of it is public: not the report, not the board's reasons.
    visitor = browser_pages()
    response = visitor.goto(f"{council['page_url']}rapor/{report.pk}/")
    assert response.status == 404
    visitor.goto(council["page_url"])
    expect(visitor.get_by_role("main")).not_to_contain_text(TITLE)
    expect(visitor.get_by_role("main")).not_to_contain_text("ÖZEL_GEREKÇE")
