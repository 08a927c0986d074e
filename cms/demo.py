"""Turkish demo content for a fictional council, and the files it ships with.

The council ("Örnek Kent Konseyi") is invented; the events of the council network and the
İzmir panel and workshop are real and taken from the seed texts in the project brief, with
our own summaries. Everything here is plain data and file generators: the management
command ``load_demo`` writes it to the database.
"""

import textwrap
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from io import BytesIO
from zoneinfo import ZoneInfo

from PIL import Image, ImageDraw

ISTANBUL = ZoneInfo("Europe/Istanbul")

COUNCIL_NAME = "Örnek Kent Konseyi"
HOME_SLUG = "ornek-kent-konseyi"
DEMO_DOMAIN = "ornek-kentkonseyi.example"

TURKISH_MONTHS = [
    "Ocak",
    "Şubat",
    "Mart",
    "Nisan",
    "Mayıs",
    "Haziran",
    "Temmuz",
    "Ağustos",
    "Eylül",
    "Ekim",
    "Kasım",
    "Aralık",
]


def at(day: date, hour: int, minute: int = 0) -> datetime:
    """An aware datetime in Istanbul time."""
    return datetime.combine(day, time(hour, minute), tzinfo=ISTANBUL)


def turkish_date(day: date) -> str:
    """A date written the Turkish way: 12 Aralık 2026."""
    return f"{day.day} {TURKISH_MONTHS[day.month - 1]} {day.year}"


# --- StreamField building blocks (raw JSON-ish form) -------------------------------


def heading(text: str, level: str = "h2") -> dict:
    return {"type": "heading", "value": {"text": text, "level": level}}


def paragraph(html: str) -> dict:
    return {"type": "paragraph", "value": html}


def quote(text: str, attribution: str = "") -> dict:
    return {"type": "quote", "value": {"quote": text, "attribution": attribution}}


def figure(image, caption: str = "") -> dict:
    return {
        "type": "image",
        "value": {
            "image": {"image": image.pk, "alt_text": image.description, "decorative": False},
            "caption": caption,
        },
    }


def document_link(document, title: str = "") -> dict:
    return {"type": "document", "value": {"document": document.pk, "title": title}}


def table(caption: str, rows: list[list[str]]) -> dict:
    return {
        "type": "table",
        "value": {
            "caption": caption,
            "table": {
                "data": rows,
                "table_header_choice": "row",
                "first_row_is_table_header": True,
                "first_col_is_header": False,
            },
        },
    }


def session(
    title: str,
    speakers: list[tuple[str, str, str]],
    *,
    description: str = "",
    starts_at: str | None = None,
    ends_at: str | None = None,
) -> dict:
    """A programme session; speakers are (name, organisation, role) triples."""
    return {
        "type": "session",
        "value": {
            "title": title,
            "starts_at": starts_at,
            "ends_at": ends_at,
            "description": description,
            "moderator": "",
            "speakers": [
                {"name": name, "organisation": organisation, "role": role}
                for name, organisation, role in speakers
            ],
        },
    }


# --- Site identity ------------------------------------------------------------------

SETTINGS = {
    "council_name": COUNCIL_NAME,
    "tagline": "Kentimiz için birlikte düşünür, birlikte öneririz.",
    "address": "Demokrasi Caddesi No: 1\nÖrnek Mahallesi, Örnekkent",
    "phone": "+90 000 000 00 00",
    "email": f"iletisim@{DEMO_DOMAIN}",
    "facebook_url": "https://example.org/ornek-kent-konseyi/facebook",
    "instagram_url": "https://example.org/ornek-kent-konseyi/instagram",
    "footer_text": (
        "Bu site tanıtım amaçlı demo içerik gösterir. Örnek Kent Konseyi kurgusal bir "
        "konseydir; 5393 sayılı Belediye Kanunu'nun 76. maddesine göre kurulan kent "
        "konseylerinin işleyişini örneklemek için hazırlanmıştır."
    ),
}

HOME_INTRO = (
    "<p>Örnek Kent Konseyi, kentte yaşayan herkesin yerel yönetime katılması için kurulmuş "
    "<b>demokratik bir sivil platformdur</b>. Çalışma gruplarında ve meclislerde tartışılan "
    "öneriler, Genel Kurulda karara bağlanarak belediye meclisine sunulur ve sonuçları "
    "takip edilir.</p>"
)


def home_body() -> list[dict]:
    return [
        heading("Nasıl katılabilirsiniz?"),
        paragraph(
            "<p>Çalışma gruplarımız herkese açıktır; katılmak için konsey üyesi olmanız "
            "gerekmez. Etkinlikler sayfasından yaklaşan toplantıları, Belgeler sayfasından "
            "yönergemizi ve raporlarımızı inceleyebilir, İletişim sayfasından bize "
            "yazabilirsiniz.</p>"
        ),
    ]


# --- "Kent Konseyi nedir?" ----------------------------------------------------------

QUORUM_SENTENCE = (
    "Kent konseyi organları, çalışma yönergelerinde belirlenen yer ve zamanlarda üye tam "
    "sayısının salt çoğunluğu ile olağan olarak toplanır ve katılanların salt çoğunluğu ile "
    "karar alır."
)

ABOUT_INTRO = (
    "Kent konseyi, kentte yaşayanların yerel yönetime katılımını teşvik eden ve belediye "
    "meclisine öneri sunabilen demokratik bir sivil toplum platformudur."
)


def about_body(image) -> list[dict]:
    return [
        heading("Yasal dayanak"),
        paragraph(
            "<p>Kent konseyleri Türkiye'de 5393 sayılı Belediye Kanunu'nun 76. maddesi ve "
            "Resmî Gazete'nin 26313 sayılı nüshasında yayımlanan Kent Konseyi Yönetmeliği "
            "ile kurulur. Konseyde oluşan görüşler, belediye meclisinin ilk toplantısında "
            "gündeme alınarak değerlendirilir.</p>"
        ),
        heading("Tüzel kişiliği ve bütçesi yok, desteği belediyeden"),
        paragraph(
            "<p>Kanun kent konseyini bir <b>sivil platform</b> olarak tanımlar: konseyin "
            "tüzel kişiliği ve kendine ait bir bütçesi yoktur. Faaliyetleri için gereken ayni "
            "ve nakdi desteği belediye sağlar; belediyeler bütçelerini hazırlarken bu amaçla "
            "gider kalemleri ayırır.</p>"
        ),
        figure(image, "Kent konseyi, kentin bütün kesimlerinin buluştuğu ortak bir alandır."),
        heading("Kimler bir araya gelir?"),
        paragraph(
            "<p>Kent konseyi, kentin önemli aktörlerini aynı masada toplar:</p>"
            "<ul><li>kamu kurumlarının ve belediyenin temsilcileri,</li>"
            "<li>mahalle muhtarları,</li>"
            "<li>üniversiteler, meslek odaları ve sendikalar,</li>"
            "<li>siyasi partiler,</li>"
            "<li>dernekler, vakıflar ve diğer sivil toplum kuruluşları,</li>"
            "<li>konseyin meclis ve çalışma gruplarının temsilcileri.</li></ul>"
            "<p>Konsey dışlayıcı değil, olabildiğince kapsayıcı olma ilkesine dayanır. Bu "
            "yüzden Türkiye'de kurumsal katılımın en önemli araçlarından biri sayılır.</p>"
        ),
        heading("Çalışma grupları ve meclisler"),
        paragraph(
            "<p>Sorunların, fikirlerin ve projelerin ilk tartışıldığı yer <b>çalışma "
            "gruplarıdır</b>. Konsey, üyelerin talepleri ve kentin öncelikleri doğrultusunda "
            "konu bazlı gruplar kurar. Bu gruplara katılmak için kent konseyi üyesi olmak "
            "şart değildir.</p>"
            "<p>Gruplarda hazırlanan raporlar ve öneriler, konseyin yetkili kurullarında "
            "görüşüldükten sonra belediye ve ilgili kurumlarla paylaşılır; konsey sonucun "
            "takibini yapar. Kadın meclisi, gençlik meclisi ve çocuk meclisi gibi meclisler "
            "de kendi raporlarını hazırlar.</p>"
        ),
        heading("Nasıl toplanır, nasıl karar alır?"),
        quote(QUORUM_SENTENCE),
        paragraph(
            "<p>Salt çoğunluk, yarıdan fazla demektir. Karar için kabul oylarının toplantıya "
            "katılanların yarısından fazla olması gerekir; bu nedenle çekimser oylar kabul "
            "sayılmaz.</p>"
        ),
        table(
            "Üye tam sayısına göre toplantı yeter sayısı (örnek)",
            [
                ["Üye tam sayısı", "Toplantı yeter sayısı", "Katılan", "Karar için kabul oyu"],
                ["30", "16", "20", "11"],
                ["45", "23", "30", "16"],
                ["60", "31", "40", "21"],
            ],
        ),
        heading("Amaçları"),
        paragraph(
            "<p>Kent konseyleri kent vizyonunu ve hemşehrilik bilincini geliştirmeyi, kentin "
            "hak ve hukukunu korumayı amaçlar. Sürdürülebilir kalkınma, çevreye duyarlılık, "
            "sosyal yardımlaşma ve dayanışma, saydamlık, hesap sorma ve hesap verme, katılım, "
            "yönetişim ve yerinden yönetim ilkelerini kent yaşamında hayata geçirmeye "
            "çalışır.</p>"
        ),
    ]


# --- Organisations ------------------------------------------------------------------

NETWORK_MEETING_COUNCILS = [
    "Afyonkarahisar Kent Konseyi",
    "Batman Kent Konseyi",
    "Bursa Kent Konseyi",
    "Çanakkale Kent Konseyi",
    "Gaziantep Kent Konseyi",
    "Giresun Kent Konseyi",
    "Karabük Kent Konseyi",
    "Kocaeli Kent Konseyi",
    "Yalova Kent Konseyi",
]

PANEL_PARTNERS = [
    "İzmir Kent Konseyi",
    "İzmir Demokrasi Platformu",
    "İzmir Kadın Kuruluşları Birliği",
    "Tülay Aktaş Gönüllü Kuruluşlar Güç Birliği",
    "Kadın Cinayetlerini Durduracağız Platformu",
    "Engelsiz Yaşam Hakkı Ağı",
    "365 Gün Engelliyiz Platformu",
    "Afalina Hayvan Hakları Topluluğu",
    "Öğrenci Kolektifleri",
]

PANEL_SESSION_TITLES = [
    "Kent ve Kentli Hakkı",
    "STK’lar ve Kent Konseyleri",
    "Katılımcılık – Gönüllülük – Yeni Nesil Örgütlenmeler",
    "Savunuculuk Modelleri ve İletişim",
    "İzmir’den, Türkiye’den ve Dünyadan Saha Uygulamaları",
]

REPRESENTATIVE = "Temsilci"
PANELLIST = "Panelist"

# The seed names the panellists' organisations but not who sits in which session, except
# UNDP Türkiye in the last one; this spread is illustrative and the page says so.
PANEL_SESSION_PANELLISTS = [
    [
        "İzBB Kentsel Adalet ve Eşitlik Şube Müdürlüğü",
        "İzmir Barosu",
        "İZDENİZ Yönetim Kurulu",
    ],
    [
        "Tülay Aktaş Gönüllü Kuruluşlar Güç Birliği",
        "Çağdaş Yaşamı Destekleme Derneği",
        "Sosyal Hizmet Uzmanları Derneği",
    ],
    [
        "Öğrenci Kolektifi",
        "İzmir Kent Konseyi Gençlik Meclisi",
        "Sokak Çorbacıları",
    ],
    [
        "EGEÇEP",
        "365 Gün Engelliyiz Platformu",
        "Afalina Hayvan Hakları Topluluğu",
        "Oy ve Ötesi",
    ],
    ["UNDP Türkiye"],
]


def panel_programme() -> list[dict]:
    sessions = []
    for index, (title, organisations) in enumerate(
        zip(PANEL_SESSION_TITLES, PANEL_SESSION_PANELLISTS, strict=True)
    ):
        speakers = [(REPRESENTATIVE, name, PANELLIST) for name in organisations]
        description = ""
        if index == 0:
            speakers = [
                ("Özgür Topaç", "İzmir Kent Konseyi Başkanı", "Açılış konuşması"),
                ("Ahmet Şerif İzgören", "", "İlham veren konuşma"),
                *speakers,
            ]
        if index == len(PANEL_SESSION_TITLES) - 1:
            description = "UNDP Türkiye, Türkiye’den ve dünyadan iyi uygulama örneklerini paylaşır."
            speakers.append(
                ("Kazım Kurt", "Eskişehir Odunpazarı Belediye Başkanı", "Değerlendirme konuşması")
            )
        sessions.append(session(title, speakers, description=description))
    return sessions


PANEL_INTRO = (
    "İzmir Kent Konseyi koordinasyonunda düzenlenen panel, yerel demokrasi ile sivil toplum "
    "arasındaki iş birliğini ve hak temelli savunuculuk kapasitesini güçlendirmeyi amaçlıyor."
)


def panel_body() -> list[dict]:
    return [
        heading("Panelin amacı"),
        paragraph(
            "<p>Türkiye'de dernekler, federasyonlar, platformlar ve kent konseyleri birbirini "
            "tamamlayan roller üstleniyor; ancak aralarındaki iş birliği ve bilgi paylaşımı "
            "çoğu zaman sınırlı kalıyor. Panel; ortak strateji geliştirmeyi, birlikte "
            "öğrenmeyi ve hak temelli savunuculuğu müşterek biçimde büyütmeyi "
            "hedefliyor.</p>"
        ),
        paragraph(
            "<p>Açılışı İzmir Kent Konseyi Başkanı Özgür Topaç yapıyor; Ahmet Şerif "
            "İzgören ilham veren bir konuşma, Eskişehir Odunpazarı Belediye Başkanı Kazım "
            "Kurt değerlendirme konuşması yapıyor. Beş oturumda kamu kurumları, meslek "
            "örgütleri, dernekler, platformlar, öğrenci toplulukları ve UNDP Türkiye "
            "temsilcileri panelist olarak yer alıyor.</p>"
        ),
        paragraph(
            "<p><i>Demo içerik notu: panelistlerin oturumlara dağılımı temsilidir; oturum "
            "saatleri açıklanmamıştır.</i></p>"
        ),
    ]


WORKSHOP_INTRO = (
    "Panelin ikinci gün çalışması olan çalıştayda, panelde açılan başlıklar somut yöntemler "
    "ve ortak çıktılarla derinleştirilecek."
)


def workshop_body() -> list[dict]:
    return [
        heading("Çalıştayda neler ele alınacak?"),
        paragraph(
            "<ul><li>Sivil toplumun örgütlenme modelleri,</li>"
            "<li>sivil toplum, yerel yönetim ve merkezi yönetim arasındaki iş birliği,</li>"
            "<li>bu yapılar arasındaki iletişim yolları.</li></ul>"
            "<p>Çalıştay, 7 Şubat 2026'daki Yerel Demokrasi ve Sivil Toplum Paneli'nin "
            "devamıdır ve aynı kuruluşların iş birliğiyle düzenlenir.</p>"
        ),
    ]


NETWORK_MEETING_INTRO = (
    "Kent Konseyleri İletişim ve İşbirliği Ağı'nın Çalışma Grubu, Gaziantep Kent "
    "Konseyi'nin ev sahipliğinde dokuz kent konseyinin katılımıyla toplandı ve ağın ilke "
    "ve esaslarını içeren Strateji Belgesi Taslağı'na son şeklini verdi."
)


def network_meeting_body(declaration) -> list[dict]:
    return [
        heading("Arka plan"),
        paragraph(
            "<p>13 Şubat 2010'da Bursa Kent Konseyi'nin ev sahipliğinde 58 kent konseyinin "
            "katıldığı Türkiye Kent Konseyleri Buluşması'nda, konseyler arasında eşit "
            "ortaklık ve dayanışmaya dayanan bir işbirliği ağı kurulması kararlaştırıldı. "
            "Hazırlıkları yürütmek üzere 13 kent konseyinden oluşan bir Çalışma Grubu "
            "oybirliğiyle görevlendirildi.</p>"
            "<p>Grup ilk toplantısını 5 Haziran 2010'da Karabük'te yaptı ve Yalova Kent "
            "Konseyi'ne bir Strateji Belgesi Taslağı hazırlama görevi verdi.</p>"
        ),
        heading("Gaziantep toplantısının kararları"),
        paragraph(
            "<p>24 Kasım 2010'daki toplantıda Yalova Kent Konseyi'nin hazırladığı taslak "
            "görüşülüp son şeklini aldı. Taslağın Kocaeli'de yapılacak Türkiye Kent "
            "Konseyleri Buluşması'nda katılımcılara sunulmasına ve bu buluşmanın Gaziantep "
            "Kent Konseyi başkanlığında Karabük ve Kocaeli kent konseylerince organize "
            "edilmesine <b>oybirliğiyle</b> karar verildi.</p>"
        ),
        document_link(declaration, "Sonuç Bildirgesi (24 Kasım 2010)"),
        paragraph("<p><i>Demo içerik notu: toplantı saatleri temsilidir.</i></p>"),
    ]


# --- The upcoming General Assembly (dated relative to the day of loading) -------------


def next_general_assembly_day(today: date) -> date:
    """The second Saturday of the month after today's."""
    first = (today.replace(day=1) + timedelta(days=32)).replace(day=1)
    first_saturday = first + timedelta(days=(5 - first.weekday()) % 7)
    return first_saturday + timedelta(days=7)


def general_assembly_title(day: date) -> str:
    return f"{TURKISH_MONTHS[day.month - 1]} {day.year} Genel Kurul Toplantısı"


GENERAL_ASSEMBLY_INTRO = (
    "Genel Kurul; çalışma gruplarının ve meclislerin raporlarını görüşmek ve belediye "
    "meclisine sunulacak önerileri karara bağlamak üzere olağan toplantısını yapıyor."
)


def general_assembly_programme() -> list[dict]:
    return [
        session(
            "Açılış, yoklama ve divan seçimi",
            [("Konsey Başkanı", COUNCIL_NAME, "Açılış konuşması")],
            starts_at="10:00:00",
            ends_at="10:30:00",
        ),
        session(
            "Çalışma gruplarının raporları",
            [("Raportör", "Ulaşım ve Erişilebilirlik Çalışma Grubu", "Sunum")],
            description="Yürütme Kurulunun görüşüyle gelen raporlar oylanır.",
            starts_at="10:30:00",
            ends_at="11:30:00",
        ),
        session(
            "Meclislerin sunumları",
            [
                (REPRESENTATIVE, "Kadın Meclisi", "Sunum"),
                (REPRESENTATIVE, "Gençlik Meclisi", "Sunum"),
            ],
            starts_at="11:30:00",
            ends_at="12:30:00",
        ),
        session("Dilek ve öneriler", [], starts_at="12:30:00", ends_at="13:00:00"),
    ]


def general_assembly_body() -> list[dict]:
    return [
        heading("Toplantı hakkında"),
        paragraph(
            "<p>Genel Kurul yılda en az iki kez toplanır. Toplantı yeter sayısı üye tam "
            "sayısının salt çoğunluğudur; kararlar katılanların salt çoğunluğuyla alınır. "
            "Toplantı izleyicilere açıktır; oy hakkı Genel Kurul üyelerine aittir.</p>"
            "<p>Kabul edilen öneriler belediye meclisine iletilir ve sonuçları konsey "
            "tarafından takip edilir.</p>"
        ),
    ]


# --- News ---------------------------------------------------------------------------


@dataclass
class NewsItem:
    slug: str
    title: str
    day: date
    intro: str
    tags: list[str]
    search_description: str
    body: list[dict] = field(default_factory=list)
    with_image: bool = False


def news_items(*, declaration) -> list[NewsItem]:
    return [
        NewsItem(
            slug="yerel-demokrasi-ve-sivil-toplum-paneli-7-subatta",
            title="Yerel Demokrasi ve Sivil Toplum Paneli 7 Şubat’ta İzmir’de",
            day=date(2026, 1, 27),
            intro=(
                "İzmir Kent Konseyi, sivil toplum kuruluşları ve kent konseylerini "
                "7 Şubat 2026'da İzmir Tarihi Havagazı Fabrikası Sanat Kafe'de buluşturuyor."
            ),
            tags=["panel", "yerel demokrasi", "sivil toplum"],
            search_description=(
                "7 Şubat 2026'da İzmir'de düzenlenecek Yerel Demokrasi ve Sivil Toplum "
                "Paneli'nin programı ve konuşmacıları."
            ),
            with_image=True,
            body=[
                paragraph(
                    "<p>İzmir Kent Konseyi Başkanı Özgür Topaç, panelin hak temelli "
                    "savunuculuk kapasitesini güçlendirmeyi amaçladığını açıkladı. Panel, "
                    "7 Şubat 2026 Cumartesi günü 10.00–16.00 saatleri arasında yapılacak.</p>"
                ),
                quote(
                    "Sivil toplum arasındaki etkileşim, demokratik toplumların güçlenmesi "
                    "açısından hayati öneme sahiptir.",
                    "Özgür Topaç, İzmir Kent Konseyi Başkanı",
                ),
                paragraph(
                    "<p>Programda beş oturum var: Kent ve Kentli Hakkı; STK’lar ve Kent "
                    "Konseyleri; Katılımcılık – Gönüllülük – Yeni Nesil Örgütlenmeler; "
                    "Savunuculuk Modelleri ve İletişim; İzmir’den, Türkiye’den ve Dünyadan "
                    "Saha Uygulamaları. Ahmet Şerif İzgören ilham veren bir konuşma yapacak; "
                    "Eskişehir Odunpazarı Belediye Başkanı Kazım Kurt değerlendirme "
                    "konuşmasıyla panelde yer alacak.</p>"
                ),
            ],
        ),
        NewsItem(
            slug="yerel-demokrasi-ve-sivil-toplum-calistayi-9-subatta",
            title="Yerel Demokrasi ve Sivil Toplum Çalıştayı 9 Şubat’ta",
            day=date(2026, 2, 2),
            intro=(
                "Panelin ikinci gün çalışması olan çalıştay, 9 Şubat 2026 Pazartesi günü "
                "Uğur Mumcu Kültür ve Sanat Merkezi'nde yapılacak."
            ),
            tags=["çalıştay", "yerel demokrasi", "sivil toplum"],
            search_description=(
                "9 Şubat 2026'da Uğur Mumcu Kültür ve Sanat Merkezi'nde yapılacak Yerel "
                "Demokrasi ve Sivil Toplum Çalıştayı."
            ),
            body=[
                paragraph(
                    "<p>10.00–17.00 saatleri arasında sürecek çalıştayda örgütlenme "
                    "modelleri ile sivil toplum, yerel yönetim ve merkezi yönetim arasındaki "
                    "iş birliği ve iletişim yolları ele alınacak. Panelde açılan başlıklar "
                    "somut yöntemler ve ortak çıktılarla güçlendirilecek.</p>"
                ),
            ],
        ),
        NewsItem(
            slug="kent-konseyleri-isbirligi-agi-nasil-kuruldu",
            title="Kent konseyleri işbirliği ağı nasıl kuruldu?",
            day=date(2025, 11, 24),
            intro=(
                "Gaziantep'te 24 Kasım 2010'da toplanan Çalışma Grubu, Kent Konseyleri "
                "İletişim ve İşbirliği Ağı'nın strateji belgesine son şeklini vermişti."
            ),
            tags=["işbirliği ağı", "yerel demokrasi"],
            search_description=(
                "Kent Konseyleri İletişim ve İşbirliği Ağı'nın Bursa, Karabük ve Gaziantep "
                "toplantılarıyla kuruluş süreci."
            ),
            body=[
                paragraph(
                    "<p>Yerel Gündem 21 süreciyle başlayan kent konseyleri, 5393 sayılı "
                    "Belediye Kanunu ile yasal statü kazandı. 2010 yılında konseyler, "
                    "aralarında bilgi ve deneyim paylaşımını düzenleyecek bir ağ kurmak için "
                    "harekete geçti.</p>"
                    "<ul><li>13 Şubat 2010, Bursa: 58 kent konseyinin katıldığı buluşmada "
                    "13 konseyden oluşan Çalışma Grubu kuruldu.</li>"
                    "<li>5 Haziran 2010, Karabük: Yalova Kent Konseyi strateji belgesi "
                    "taslağını hazırlamakla görevlendirildi.</li>"
                    "<li>24 Kasım 2010, Gaziantep: taslak son şeklini aldı ve Kocaeli'deki "
                    "buluşmaya sunulmasına oybirliğiyle karar verildi.</li></ul>"
                ),
                document_link(declaration, "Gaziantep toplantısının sonuç bildirgesi"),
            ],
        ),
        NewsItem(
            slug="calisma-gruplarina-katilim-herkese-acik",
            title="Çalışma gruplarımıza katılmak için üye olmanız gerekmiyor",
            day=date(2025, 10, 6),
            intro=(
                "Ulaşım, çevre ve kültür çalışma gruplarımız yeni dönem toplantılarına "
                "başlıyor; kentte yaşayan herkes katılabilir."
            ),
            tags=["çalışma grupları", "katılım"],
            search_description=(
                "Örnek Kent Konseyi çalışma gruplarına katılım herkese açık; üyelik şartı yok."
            ),
            body=[
                paragraph(
                    "<p>Kent konseyinde sorunların ve önerilerin ilk tartışıldığı yer "
                    "çalışma gruplarıdır. Gruplarda hazırlanan raporlar Yürütme Kurulunun "
                    "görüşüyle Genel Kurula sunulur; kabul edilenler belediye meclisine "
                    "iletilir.</p>"
                    "<p>Katılmak için İletişim sayfasındaki formu doldurmanız yeterli.</p>"
                ),
            ],
        ),
        NewsItem(
            slug="genclik-meclisi-yeni-donem-basvurulari",
            title="Gençlik Meclisi yeni dönem başvuruları açıldı",
            day=date(2025, 9, 15),
            intro=(
                "15-30 yaş arasındaki kentliler, Gençlik Meclisinin yeni döneminde görev "
                "almak için başvurabilir."
            ),
            tags=["gençlik meclisi", "katılım"],
            search_description="Örnek Kent Konseyi Gençlik Meclisi yeni dönem başvuruları.",
            body=[
                paragraph(
                    "<p>Gençlik Meclisi, gençlerin kentle ilgili önerilerini rapora "
                    "dönüştürüp Genel Kurula taşır. Başvurular Genel Sekreterliğe "
                    "yapılabilir.</p>"
                ),
            ],
        ),
    ]


# --- Contact page -------------------------------------------------------------------

CONTACT_INTRO = (
    "<p>Sorularınız, önerileriniz ve çalışma gruplarına katılım talepleriniz için formu "
    "doldurabilirsiniz. Mesajınız Genel Sekreterliğe iletilir.</p>"
)

CONTACT_PRIVACY_NOTICE = (
    "<p><b>Kişisel verilerin korunması hakkında aydınlatma metni.</b> "
    "Bu formla paylaştığınız ad soyad, e-posta adresi ve mesaj bilgileriniz, 6698 sayılı "
    "Kişisel Verilerin Korunması Kanunu uyarınca yalnızca başvurunuzu yanıtlamak amacıyla "
    "Örnek Kent Konseyi Genel Sekreterliği tarafından işlenir, üçüncü kişilerle paylaşılmaz "
    "ve başvurunuz sonuçlandıktan sonra en geç bir yıl içinde silinir. Verilerinize erişme, "
    "düzeltilmesini veya silinmesini isteme haklarınızı "
    f'<a href="mailto:kvkk@{DEMO_DOMAIN}">kvkk@{DEMO_DOMAIN}</a> adresine yazarak '
    "kullanabilirsiniz; başvurular en geç 30 gün içinde yanıtlanır. Hesabınızı, çalışma "
    "grubu başvurularınızı ve üyeliklerinizi, e-posta bildirimlerinizi ve verdiğiniz "
    'onayları <a href="/kisisel-verilerim/">Kişisel verilerim</a> sayfasından e-posta '
    "adresinize gelen bağlantıyla kendiniz görebilir ve silebilirsiniz; silme işlemleri, "
    "verileriniz saklanmadan (yalnızca tarih, veri türü ve başvuru numarasıyla) kayda "
    "geçirilir. <i>(Demo metin.)</i></p>"
)

CONTACT_THANK_YOU = (
    "<p>Mesajınız bize ulaştı, teşekkür ederiz. Genel Sekreterlik en kısa sürede size "
    "dönüş yapacak.</p>"
)

# (label, field type, required, help text)
CONTACT_FIELDS = [
    ("Ad soyad", "singleline", True, ""),
    ("E-posta", "email", True, "Yalnızca size yanıt vermek için kullanılır."),
    ("Konu", "singleline", True, ""),
    ("Mesaj", "multiline", True, ""),
]


# --- Documents ----------------------------------------------------------------------


@dataclass
class DemoDocument:
    title: str
    kind: str
    issued_on: date
    description: str
    filename: str
    heading: str
    paragraphs: list[str]


DECLARATION_TITLE = (
    "Sonuç Bildirgesi – Kent Konseyleri İletişim ve İşbirliği Ağı Çalışma Grubu "
    "Hazırlık Toplantısı (Gaziantep, 24 Kasım 2010)"
)
DIRECTIVE_TITLE = "Örnek Kent Konseyi Çalışma Yönergesi (demo)"
REPORT_TITLE = "Örnek Kent Konseyi 2025 Faaliyet Raporu (demo)"

DEMO_DOCUMENTS = [
    DemoDocument(
        title=DECLARATION_TITLE,
        kind="declaration",
        issued_on=date(2010, 11, 24),
        description=(
            "Gaziantep Kent Konseyi'nin ev sahipliğinde toplanan Çalışma Grubu'nun, "
            "Yalova Kent Konseyi'nce hazırlanan Strateji Belgesi Taslağı'na son şeklini "
            "verdiği toplantının sonuç bildirgesi. Dosya, bildirgenin demo amaçlı bir "
            "özetidir."
        ),
        filename="sonuc-bildirgesi-gaziantep-2010-11-24.pdf",
        heading="Kent Konseyleri İletişim ve İşbirliği Ağı – Sonuç Bildirgesi (özet)",
        paragraphs=[
            "Çalışma Grubu Hazırlık Toplantısı, Gaziantep, 24 Kasım 2010.",
            "Yerel Gündem 21 süreciyle başlayan kent konseyleri, 5393 sayılı Belediye "
            "Kanunu ile yasal statü kazanmış ve Türkiye genelinde uygulanma imkânı "
            "bulmuştur. Kent konseyleri, yerel yönetimlerin güçlenmesi ve yerel demokrasinin "
            "gelişmesi için ileri bir adımdır.",
            "13 Şubat 2010'da Bursa'da 58 kent konseyinin katıldığı Türkiye Kent Konseyleri "
            "Buluşması'nda bir işbirliği ağı kurulması uygun görülmüş; hazırlık için "
            "Afyonkarahisar, Batman, Bursa, Çanakkale, Denizli, Edirne, Gaziantep, Giresun, "
            "Karabük, Kocaeli, Manisa, Ordu ve Yalova kent konseylerinden oluşan bir Çalışma "
            "Grubu oybirliğiyle görevlendirilmiştir.",
            "Çalışma Grubu 5 Haziran 2010'da Karabük'te toplanmış ve Yalova Kent Konseyi'ne "
            "bir Strateji Belgesi Taslağı hazırlama görevi vermiştir.",
            "24 Kasım 2010'da Gaziantep'te Afyonkarahisar, Batman, Bursa, Çanakkale, "
            "Gaziantep, Giresun, Karabük, Kocaeli ve Yalova kent konseylerinin katılımıyla "
            "yapılan toplantıda taslak görüşülmüş ve son şeklini almıştır. Taslağın "
            "Kocaeli'de yapılacak Türkiye Kent Konseyleri Buluşması'nda sunulmasına ve "
            "buluşmanın Gaziantep Kent Konseyi başkanlığında Karabük ve Kocaeli kent "
            "konseylerince organize edilmesine oybirliğiyle karar verilmiştir.",
            "Bu dosya demo içeriktir; bildirgenin özgün metni değil, özetidir.",
        ],
    ),
    DemoDocument(
        title=DIRECTIVE_TITLE,
        kind="directive",
        issued_on=date(2025, 3, 3),
        description=(
            "Konsey organlarının toplanma ve karar alma usulünü, çalışma gruplarının "
            "işleyişini ve raporların belediye meclisine ulaşma yolunu düzenleyen örnek "
            "yönerge."
        ),
        filename="ornek-kent-konseyi-calisma-yonergesi.pdf",
        heading="Örnek Kent Konseyi Çalışma Yönergesi",
        paragraphs=[
            "Madde 1 – Amaç. Bu yönerge, Örnek Kent Konseyinin organlarının çalışma usul ve "
            "esaslarını düzenler.",
            "Madde 2 – Dayanak. Bu yönerge, 5393 sayılı Belediye Kanunu'nun 76. maddesine "
            "ve Kent Konseyi Yönetmeliği'ne dayanılarak hazırlanmıştır.",
            "Madde 3 – Organlar. Konseyin organları Genel Kurul, Yürütme Kurulu, meclisler "
            "ve çalışma gruplarıdır. Genel Kurul yılda en az iki kez toplanır.",
            "Madde 4 – Toplantı ve karar yeter sayısı. Organlar üye tam sayısının salt "
            "çoğunluğu ile toplanır ve katılanların salt çoğunluğu ile karar alır. Oylar "
            "kabul, ret veya çekimser olarak kullanılır; çekimser oylar kabul sayılmaz.",
            "Madde 5 – Çalışma grupları. Çalışma gruplarına katılmak için konsey üyesi olmak "
            "şart değildir. Gruplar toplantılarını tutanakla kayda geçirir ve görüşlerini "
            "rapor olarak Yürütme Kuruluna sunar.",
            "Madde 6 – Raporların yolu. Yürütme Kurulu raporu görüşü ile birlikte ilk Genel "
            "Kurula sunar veya yeniden değerlendirilmek üzere çalışma grubuna iade eder. "
            "Genel Kurulca kabul edilen görüşler belediye meclisine iletilir ve sonuçları "
            "Yürütme Kurulunca takip edilir.",
            "Madde 7 – Kişisel veriler. Çalışma grubu üyelerinin adları ancak açık rızaları "
            "ile yayımlanır; e-posta adresleri yayımlanmaz.",
            "Bu belge demo içeriktir.",
        ],
    ),
    DemoDocument(
        title=REPORT_TITLE,
        kind="report",
        issued_on=date(2026, 1, 15),
        description=(
            "Genel Kurul, Yürütme Kurulu, meclisler ve çalışma gruplarının 2025 yılındaki "
            "çalışmalarını özetleyen örnek faaliyet raporu."
        ),
        filename="ornek-kent-konseyi-2025-faaliyet-raporu.pdf",
        heading="Örnek Kent Konseyi 2025 Faaliyet Raporu",
        paragraphs=[
            "Genel Kurul 2025 yılında iki olağan toplantı yapmış ve çalışma gruplarından "
            "gelen raporları görüşmüştür.",
            "Çalışma grupları ulaşım ve erişilebilirlik, çevre ve iklim, kültür ve sanat "
            "başlıklarında toplanmıştır. Gruplara konsey üyesi olmayan kentliler de "
            "katılmıştır.",
            "Kadın Meclisi ve Gençlik Meclisi kendi raporlarını hazırlayarak Yürütme "
            "Kurulunun görüşüyle Genel Kurula sunmuştur.",
            "Genel Kurulca kabul edilen öneriler belediye meclisine iletilmiş; meclisin ilk "
            "toplantısında gündeme alınıp alınmadığı ve sonuçları izlenmiştir.",
            "Bu belge demo içeriktir; kurgusal bir konsey için hazırlanmıştır.",
        ],
    ),
]


# --- Generated files ----------------------------------------------------------------

# Standard PDF fonts carry the Turkish letters but WinAnsiEncoding has no slot for six of
# them; map those slots to the glyph names so the text can be written as cp1254 bytes.
_TURKISH_DIFFERENCES = (
    b"[208 /Gbreve 221 /Idotaccent 222 /Scedilla 240 /gbreve 253 /dotlessi 254 /scedilla]"
)


def _pdf_text(text: str) -> bytes:
    raw = text.encode("cp1254", errors="replace")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def _pdf_info_text(text: str) -> bytes:
    return b"<FEFF" + text.encode("utf-16-be").hex().upper().encode() + b">"


def simple_pdf(*, title: str, heading: str, paragraphs: list[str], footer: str) -> bytes:
    """A small A4 text PDF using the standard Helvetica fonts (no extra dependency)."""
    width, height, margin, leading = 595, 842, 64, 15
    lines: list[tuple[str, str]] = [("bold", line) for line in textwrap.wrap(heading, 60)]
    lines.append(("regular", ""))
    for text in paragraphs:
        lines.extend(("regular", line) for line in textwrap.wrap(text, 88))
        lines.append(("regular", ""))
    per_page = (height - 2 * margin) // leading - 2
    pages = [lines[i : i + per_page] for i in range(0, len(lines), per_page)] or [[]]

    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    catalog = add(b"")  # filled in once the page tree exists
    page_tree = add(b"")
    encoding = add(
        b"<< /Type /Encoding /BaseEncoding /WinAnsiEncoding /Differences %s >>"
        % (_TURKISH_DIFFERENCES)
    )
    fonts = {
        name: add(
            b"<< /Type /Font /Subtype /Type1 /BaseFont /%s /Encoding %d 0 R >>" % (base, encoding)
        )
        for name, base in (("regular", b"Helvetica"), ("bold", b"Helvetica-Bold"))
    }
    page_ids = []
    for number, page_lines in enumerate(pages, start=1):
        stream = [b"BT", b"%d TL" % leading, b"%d %d Td" % (margin, height - margin)]
        for style, line in page_lines:
            size = 14 if style == "bold" else 10
            stream.append(b"/F%s %d Tf" % (b"B" if style == "bold" else b"R", size))
            stream.append(_pdf_text(line) + b" Tj T*")
        stream.append(b"ET")
        stream.append(
            b"BT /FR 8 Tf %d %d Td %s Tj ET"
            % (margin, margin // 2, _pdf_text(f"{footer} – {number}/{len(pages)}"))
        )
        content = b"\n".join(stream)
        content_id = add(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content))
        page_ids.append(
            add(
                b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %d %d] /Contents %d 0 R "
                b"/Resources << /Font << /FR %d 0 R /FB %d 0 R >> >> >>"
                % (page_tree, width, height, content_id, fonts["regular"], fonts["bold"])
            )
        )
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % page_tree
    kids = b" ".join(b"%d 0 R" % page_id for page_id in page_ids)
    objects[page_tree - 1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, len(page_ids))
    info = add(b"<< /Title %s /Producer (Kent Konseyi demo) >>" % _pdf_info_text(title))

    out = BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n%s\nendobj\n" % (number, body))
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n"
        % (len(objects) + 1, catalog, info, xref)
    )
    return out.getvalue()


@dataclass
class DemoImage:
    key: str
    title: str
    description: str
    filename: str


PANEL_IMAGE = DemoImage(
    key="panel",
    title="Demo görsel – Panel salonu",
    description=(
        "Çizim: sahnede uzun bir masanın arkasında oturan beş konuşmacı ve onları izleyen "
        "dinleyiciler."
    ),
    filename="demo-panel-salonu.png",
)
CITY_IMAGE = DemoImage(
    key="city",
    title="Demo görsel – Kıyı kenti",
    description=("Çizim: gün batımında deniz kıyısında yükselen kent binaları ve bir saat kulesi."),
    filename="demo-kiyi-kenti.png",
)
DEMO_IMAGES = [PANEL_IMAGE, CITY_IMAGE]


def _draw_panel(draw: ImageDraw.ImageDraw, width: int, height: int) -> None:
    draw.rectangle([0, 0, width, height], fill=(238, 232, 220))
    draw.rectangle([0, 0, width, 330], fill=(52, 84, 122))
    draw.rectangle([80, 60, width - 80, 250], fill=(233, 240, 247))
    for row in range(3):
        draw.rectangle(
            [140, 100 + row * 45, width - 140 - row * 180, 118 + row * 45], fill=(52, 84, 122)
        )
    draw.rectangle([0, 330, width, 420], fill=(120, 86, 60))
    for index in range(5):
        x = 220 + index * 190
        draw.ellipse([x - 34, 196, x + 34, 264], fill=(86, 62, 48))
        draw.rounded_rectangle([x - 58, 262, x + 58, 360], radius=30, fill=(196, 82, 64))
    draw.rectangle([140, 340, width - 140, 372], fill=(92, 64, 44))
    palette = [(74, 98, 128), (158, 120, 84), (98, 132, 96), (166, 92, 86)]
    for row in range(3):
        for column in range(12):
            x = 70 + column * 96 + (row % 2) * 48
            y = 470 + row * 70
            color = palette[(row + column) % len(palette)]
            draw.ellipse([x - 30, y - 30, x + 30, y + 30], fill=color)
            draw.rounded_rectangle([x - 44, y + 24, x + 44, y + 90], radius=24, fill=color)


def _draw_city(draw: ImageDraw.ImageDraw, width: int, height: int) -> None:
    for y in range(420):
        ratio = y / 420
        draw.line(
            [0, y, width, y],
            fill=(int(250 - 60 * ratio), int(170 - 40 * ratio), int(120 + 40 * ratio)),
        )
    draw.ellipse([840, 250, 1000, 410], fill=(253, 214, 120))
    skyline = [
        (40, 230),
        (150, 300),
        (250, 190),
        (370, 260),
        (470, 150),
        (600, 240),
        (720, 200),
        (850, 280),
        (960, 210),
        (1080, 260),
    ]
    for x, top in skyline:
        draw.rectangle([x, top, x + 96, 420], fill=(58, 54, 78))
        for wy in range(top + 20, 400, 36):
            for wx in (x + 16, x + 56):
                draw.rectangle([wx, wy, wx + 20, wy + 16], fill=(250, 208, 128))
    draw.rectangle([560, 120, 610, 420], fill=(88, 70, 88))
    draw.polygon([(552, 120), (585, 70), (618, 120)], fill=(88, 70, 88))
    draw.ellipse([569, 140, 601, 172], fill=(240, 232, 210))
    draw.rectangle([0, 420, width, height], fill=(36, 96, 140))
    for y in range(440, height, 28):
        draw.line([0, y, width, y], fill=(60, 124, 170), width=3)


def demo_image_png(image: DemoImage, *, width: int = 1200, height: int = 675) -> bytes:
    """A small illustrative PNG drawn with Pillow."""
    canvas = Image.new("RGB", (width, height))
    draw = ImageDraw.Draw(canvas)
    {"panel": _draw_panel, "city": _draw_city}[image.key](draw, width, height)
    out = BytesIO()
    canvas.save(out, format="PNG", optimize=True)
    return out.getvalue()
