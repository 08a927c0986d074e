"""The demo motions and the events of their follow-up.

Most dates are fixed in 2025–2026. The motions whose meaning depends on today (just
submitted, on the agenda, postponed) are dated from the assembly's latest meetings before
today (``recent_plans``), so the demo stays sensible when it is loaded later.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from motions.models import EventKind, Outcome

REPORT_OUTGOING_NUMBER = "E-12345678-010-2026/123"
REPORT_SUBMITTED_ON = date(2026, 4, 22)


@dataclass(frozen=True)
class Step:
    """One event of a motion's follow-up; ``at_meeting`` ties it to that day's meeting."""

    kind: str
    on: date
    at_meeting: bool = False
    outcome: str = ""
    committees: str = ""
    zoning: bool = False
    decision_number: str = ""
    progress: int | None = None
    note: str = ""
    corrected: "Step | None" = None  # recorded first, then superseded by this step


@dataclass(frozen=True)
class Plan:
    title: str
    summary: str
    origin: str  # the organ's slug
    topics: tuple[str, ...]
    submitted_on: date
    outgoing_number: str
    steps: tuple[Step, ...] = ()
    is_public: bool = True

    @property
    def last_day(self) -> date:
        return max([self.submitted_on, *(step.on for step in self.steps)])


def placed(on: date, note: str = "") -> Step:
    return Step(EventKind.PLACED_ON_AGENDA, on, at_meeting=True, note=note)


def decided(on: date, outcome: str, number: str, note: str = "") -> Step:
    return Step(
        EventKind.DECIDED, on, at_meeting=True, outcome=outcome, decision_number=number, note=note
    )


def final(on: date) -> Step:
    return Step(
        EventKind.BECAME_FINAL,
        on,
        note="Karar kesinleşti; özeti ilan edildi ve mülki idare amirine gönderildi.",
    )


def reported_back(on: date) -> Step:
    return Step(
        EventKind.REPORTED_BACK, on, note="Sonuç Belediye Başkanlığınca kent konseyine bildirildi."
    )


REPORT_STEPS = (
    placed(date(2026, 5, 4), "Gündemin 7. maddesi olarak görüşüldü."),
    Step(
        EventKind.REFERRED,
        date(2026, 5, 4),
        at_meeting=True,
        committees="Kentsel Tasarım Komisyonu ile Plan ve Bütçe Komisyonu (müştereken)",
        note="Komisyonlara müştereken havale edildi.",
    ),
    Step(
        EventKind.COMMITTEE_REPORTED,
        date(2026, 5, 8),
        note=(
            "Komisyonlar, önerilerin 2027 yatırım programında değerlendirilmesi ve "
            "yürüme mesafesi hedefinin 750 metre olarak uygulanması yönünde rapor verdi."
        ),
    ),
    decided(
        date(2026, 6, 1),
        Outcome.ACCEPTED_AMENDED,
        "2026/97",
        "Komisyon raporu doğrultusunda değiştirilerek oyçokluğuyla kabul edildi.",
    ),
    final(date(2026, 6, 8)),
    reported_back(date(2026, 6, 15)),
    Step(
        EventKind.IMPLEMENTATION_UPDATE,
        date(2026, 9, 14),
        progress=35,
        note=(
            "Park ve Bahçeler Müdürlüğü: altı çevre mahallede park girişlerinin erişilebilirlik "
            "düzenlemesi tamamlandı; mahalle katılım toplantılarının ilki Ekim ayında yapılacak."
        ),
    ),
)


def fixed_plans() -> list[Plan]:
    """The motions with dates fixed in 2025–2026."""
    return [
        Plan(
            title="Üniversite kampüsü ile kent merkezi arasında gece otobüs hattı",
            summary=(
                "Gençlik Meclisi, öğrencilerin ve gece çalışanların güvenle ulaşabilmesi için "
                "kampüs ile kent merkezi arasında 24.00–05.00 saatlerinde saatte bir sefer "
                "yapılmasını önerdi."
            ),
            origin="genclik-meclisi",
            topics=("Ulaşım", "Gençlik"),
            submitted_on=date(2025, 1, 20),
            outgoing_number="E-12345678-010-2025/014",
            steps=(
                placed(date(2025, 2, 3)),
                decided(
                    date(2025, 2, 3), Outcome.ACCEPTED, "2025/19", "Oybirliğiyle kabul edildi."
                ),
                final(date(2025, 2, 10)),
                reported_back(date(2025, 2, 17)),
                Step(
                    EventKind.IMPLEMENTATION_UPDATE,
                    date(2025, 5, 15),
                    progress=40,
                    note="Güzergâh ve durak yerleri belirlendi; araç kiralama ihalesi yapıldı.",
                ),
                Step(
                    EventKind.COMPLETED,
                    date(2025, 9, 22),
                    note="Gece hattı 15 Eylül 2025’te hizmete girdi.",
                ),
                reported_back(date(2025, 9, 30)),
            ),
        ),
        Plan(
            title="Kıyı şeridinde kamusal kullanımın korunması için yapılaşma sınırlaması",
            summary=(
                "Kent ve Kentli Hakkı Çalışma Grubu, kıyı şeridinde kamusal kullanımı "
                "daraltan yeni yapılaşmanın sınırlanmasını ve kıyıya erişimin sürekliliğinin "
                "imar planlarında güvenceye alınmasını önerdi."
            ),
            origin="kent-ve-kentli-hakki-calisma-grubu",
            topics=("Kent Hakkı", "Yeşil Alan"),
            submitted_on=date(2025, 3, 14),
            outgoing_number="E-12345678-010-2025/041",
            steps=(
                placed(date(2025, 4, 7)),
                Step(
                    EventKind.REFERRED,
                    date(2025, 4, 7),
                    at_meeting=True,
                    committees="İmar ve Bayındırlık Komisyonu",
                    zoning=True,
                    note="İmar ve Bayındırlık Komisyonuna havale edildi.",
                ),
                Step(
                    EventKind.COMMITTEE_REPORTED,
                    date(2025, 4, 18),
                    note="Komisyon, önerinin yürürlükteki plan kararlarıyla çeliştiğini bildirdi.",
                ),
                decided(date(2025, 5, 5), Outcome.REJECTED, "2025/61", "Oyçokluğuyla reddedildi."),
                final(date(2025, 5, 12)),
                reported_back(date(2025, 5, 20)),
            ),
        ),
        Plan(
            title="Mahalle parklarına gölgelik, içme suyu ve oturma alanı",
            summary=(
                "Kent ve Kentli Hakkı Çalışma Grubu, yaz aylarında yaşlıların ve çocukların "
                "parkları kullanabilmesi için gölgelik, içme suyu çeşmesi ve oturma alanı "
                "eklenmesini önerdi."
            ),
            origin="kent-ve-kentli-hakki-calisma-grubu",
            topics=("Yeşil Alan", "Çocuk"),
            submitted_on=date(2025, 4, 15),
            outgoing_number="E-12345678-010-2025/052",
            steps=(
                placed(date(2025, 5, 5)),
                decided(
                    date(2025, 5, 5), Outcome.ACCEPTED, "2025/66", "Oybirliğiyle kabul edildi."
                ),
                final(date(2025, 5, 12)),
                Step(
                    EventKind.IMPLEMENTATION_UPDATE,
                    date(2025, 9, 1),
                    progress=20,
                    note="Park ve Bahçeler Müdürlüğü 14 parkta çalışmaya başladı.",
                ),
                Step(
                    EventKind.IMPLEMENTATION_UPDATE,
                    date(2026, 3, 16),
                    progress=60,
                    note=(
                        "Düzeltme: Belediyenin 16 Mart 2026 tarihli yazısına göre ilerleme "
                        "%60’tır; 14 parkın 8’inde çalışma tamamlandı."
                    ),
                    corrected=Step(
                        EventKind.IMPLEMENTATION_UPDATE,
                        date(2026, 3, 16),
                        progress=65,
                        note="14 parkın 9’unda çalışma tamamlandı.",
                    ),
                ),
            ),
        ),
        Plan(
            title="Kadın Meclisinin 2025 yılı ilk yarı çalışma raporu",
            summary=(
                "Kadın Meclisi, 2025 yılının ilk yarısındaki çalışmalarını ve kadın "
                "kooperatiflerinin belediyeden beklentilerini belediye meclisinin bilgisine "
                "sundu."
            ),
            origin="kadin-meclisi",
            topics=("Kadın",),
            submitted_on=date(2025, 6, 10),
            outgoing_number="E-12345678-010-2025/077",
            steps=(
                placed(
                    date(2025, 9, 1), "Temmuz toplantısının gündemine alınmadı; Eylül’de görüşüldü."
                ),
                decided(date(2025, 9, 1), Outcome.NOTED, "2025/112", "Meclisin bilgisine sunuldu."),
            ),
        ),
        Plan(
            title="Belediye internet sitesi ve e-belediye hizmetlerinde erişilebilirlik denetimi",
            summary=(
                "Engelli Meclisi, belediyenin internet sitesinin ve çevrim içi başvuru "
                "hizmetlerinin ekran okuyucularla kullanılabilmesi için yıllık erişilebilirlik "
                "denetimi yapılmasını önerdi."
            ),
            origin="engelli-meclisi",
            topics=("Erişilebilirlik",),
            submitted_on=date(2025, 9, 15),
            outgoing_number="E-12345678-010-2025/103",
            steps=(
                placed(date(2025, 10, 6)),
                Step(
                    EventKind.REFERRED,
                    date(2025, 10, 6),
                    at_meeting=True,
                    committees="Plan ve Bütçe Komisyonu",
                    note="Plan ve Bütçe Komisyonuna havale edildi.",
                ),
                Step(
                    EventKind.COMMITTEE_REPORTED,
                    date(2025, 10, 10),
                    note="Komisyon, denetimin iki yılda bir yapılması önerisiyle rapor verdi.",
                ),
                decided(
                    date(2025, 11, 3),
                    Outcome.ACCEPTED_AMENDED,
                    "2025/148",
                    "Denetimin iki yılda bir yapılması değişikliğiyle kabul edildi.",
                ),
                final(date(2025, 11, 10)),
            ),
        ),
        Plan(
            title="Semt pazarlarında emzirme ve bebek bakım odası",
            summary=(
                "Kadın Meclisi, kapalı semt pazarlarına emzirme ve bebek bakım odası "
                "yapılmasını önerdi."
            ),
            origin="kadin-meclisi",
            topics=("Kadın", "Çocuk"),
            submitted_on=date(2025, 10, 14),
            outgoing_number="E-12345678-010-2025/118",
            steps=(
                placed(date(2025, 11, 3)),
                Step(
                    EventKind.WITHDRAWN,
                    date(2025, 11, 20),
                    note=(
                        "Belediye aynı konuda kendi projesini başlattığı için önerge Kadın "
                        "Meclisinin isteğiyle geri çekildi."
                    ),
                ),
            ),
        ),
        Plan(
            title="Toplu taşıma duraklarında sesli ve yazılı anons sistemi",
            summary=(
                "Engelsiz Yaşam Çalışma Grubu, görme ve işitme engelli yolcular için "
                "duraklarda gelen aracı sesli ve yazılı olarak bildiren bir anons sistemi "
                "kurulmasını önerdi."
            ),
            origin="engelsiz-yasam-calisma-grubu",
            topics=("Erişilebilirlik", "Ulaşım"),
            submitted_on=date(2025, 11, 12),
            outgoing_number="E-12345678-010-2025/131",
        ),
        Plan(
            title="Sınav dönemlerinde kent kütüphanelerinin 24 saat açık tutulması",
            summary=(
                "Gençlik Meclisi, üniversite ve lise sınavlarından önceki altı haftada kent "
                "kütüphanelerinin gece de açık tutulmasını önerdi."
            ),
            origin="genclik-meclisi",
            topics=("Gençlik",),
            submitted_on=date(2025, 12, 10),
            outgoing_number="E-12345678-010-2025/144",
            steps=(
                placed(date(2026, 1, 5)),
                decided(date(2026, 1, 5), Outcome.ACCEPTED, "2026/4", "Oyçokluğuyla kabul edildi."),
                Step(
                    EventKind.RETURNED_BY_MAYOR,
                    date(2026, 1, 9),
                    note=(
                        "Belediye başkanı, personel giderleri gerekçesiyle kararı yeniden "
                        "görüşülmek üzere meclise iade etti (5393 sayılı Kanun md. 23)."
                    ),
                ),
                Step(
                    EventKind.INSISTED,
                    date(2026, 2, 2),
                    at_meeting=True,
                    note="Meclis, üye tam sayısının salt çoğunluğuyla kararında ısrar etti.",
                ),
                final(date(2026, 2, 9)),
                reported_back(date(2026, 2, 16)),
            ),
        ),
        Plan(
            title="Engelli bireylerin refakatçilerine toplu taşımada ücretsiz biniş",
            summary=(
                "Engelsiz Yaşam Çalışma Grubu, ağır engelli bireylere eşlik eden "
                "refakatçilerin de belediye otobüslerinden ücretsiz yararlanmasını önerdi."
            ),
            origin="engelsiz-yasam-calisma-grubu",
            topics=("Erişilebilirlik", "Ulaşım"),
            submitted_on=date(2026, 2, 18),
            outgoing_number="E-12345678-010-2026/027",
            steps=(
                placed(date(2026, 3, 2)),
                decided(
                    date(2026, 3, 2), Outcome.ACCEPTED, "2026/38", "Oybirliğiyle kabul edildi."
                ),
                Step(
                    EventKind.RETURNED_BY_MAYOR,
                    date(2026, 3, 6),
                    note=(
                        "Belediye başkanı, kararın bütçeye etkisinin hesaplanmadığı gerekçesiyle "
                        "yeniden görüşülmek üzere meclise iade etti (5393 sayılı Kanun md. 23)."
                    ),
                ),
            ),
        ),
        Plan(
            title="Kent bostanları için kullanılmayan belediye arsalarının tahsisi",
            summary=(
                "Kent ve Kentli Hakkı Çalışma Grubu, boş duran belediye arsalarının mahalle "
                "sakinlerinin ortak kullanacağı kent bostanlarına dönüştürülmesini önerdi."
            ),
            origin="kent-ve-kentli-hakki-calisma-grubu",
            topics=("Yeşil Alan", "Kent Hakkı"),
            submitted_on=date(2026, 5, 20),
            outgoing_number="E-12345678-010-2026/131",
        ),
        Plan(
            title="Kent konseyi hizmet binası için tahsis talebi",
            summary=(
                "Yürütme Kurulu, kent konseyinin toplantı ve çalışma grubu etkinlikleri için "
                "belediyeye ait bir binanın tahsis edilmesini talep etti."
            ),
            origin="yurutme-kurulu",
            topics=(),
            submitted_on=date(2026, 7, 20),
            outgoing_number="E-12345678-010-2026/164",
            is_public=False,
        ),
        Plan(
            title="Ana caddelerde kaldırımların ve yaya geçitlerinin erişilebilir hâle getirilmesi",
            summary=(
                "Engelsiz Yaşam Çalışma Grubu, ana caddelerdeki kaldırımların rampalı ve "
                "kesintisiz, yaya geçitlerinin hissedilebilir yüzeyli olacak biçimde yeniden "
                "düzenlenmesini önerdi."
            ),
            origin="engelsiz-yasam-calisma-grubu",
            topics=("Erişilebilirlik", "Ulaşım"),
            submitted_on=date(2026, 8, 18),
            outgoing_number="E-12345678-010-2026/188",
            steps=(
                placed(date(2026, 9, 7)),
                Step(
                    EventKind.REFERRED,
                    date(2026, 9, 7),
                    at_meeting=True,
                    committees="İmar ve Bayındırlık Komisyonu",
                    zoning=True,
                    note="İmar ve Bayındırlık Komisyonuna havale edildi.",
                ),
            ),
        ),
    ]


def recent_plans(meetings: list[date], today: date) -> list[Plan]:
    """The motions dated from the assembly's latest meetings before today."""
    last, previous = meetings[-1], meetings[-2]
    return [
        Plan(
            title="Gençlik merkezlerinin hafta sonu ve akşam saatlerinde açık tutulması",
            summary=(
                "Gençlik Meclisi, okul ve iş saatleri dışında da kullanılabilmeleri için "
                "gençlik merkezlerinin hafta sonları ve akşam 22.00’ye kadar açık tutulmasını "
                "önerdi."
            ),
            origin="genclik-meclisi",
            topics=("Gençlik",),
            submitted_on=min(today, last + timedelta(days=3)),
            outgoing_number=f"E-12345678-010-{today.year}/201",
        ),
        Plan(
            title="Kadın kooperatiflerine semt pazarlarında ücretsiz satış yeri",
            summary=(
                "Kadın Meclisi, kadın kooperatiflerinin ürünlerini satabilmeleri için semt "
                "pazarlarında ücretsiz tezgâh ayrılmasını önerdi."
            ),
            origin="kadin-meclisi",
            topics=("Kadın",),
            submitted_on=previous + timedelta(days=4),
            outgoing_number=f"E-12345678-010-{previous.year}/195",
            steps=(placed(last, "Gündemin 12. maddesi olarak görüşülmeye başlandı."),),
        ),
        Plan(
            title="Mahalle ölçeğinde katılımcı bütçe pilot uygulaması",
            summary=(
                "Kent ve Kentli Hakkı Çalışma Grubu, iki mahallede yatırım bütçesinin bir "
                "bölümünün mahalle sakinlerinin oylamasıyla belirlenmesini önerdi."
            ),
            origin="kent-ve-kentli-hakki-calisma-grubu",
            topics=("Kent Hakkı",),
            submitted_on=previous + timedelta(days=8),
            outgoing_number=f"E-12345678-010-{previous.year}/198",
            steps=(
                placed(last),
                Step(
                    EventKind.POSTPONED,
                    last,
                    note="Mali Hizmetler Müdürlüğünün görüşü alınıncaya kadar ertelendi.",
                ),
            ),
        ),
    ]
