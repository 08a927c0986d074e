"""The demo council's organs, the people who sit in them and the demo logins.

The people are invented; the organisations they represent are those of the seed texts.
"""

from dataclasses import dataclass
from datetime import date

from deliberation.models import OrganKind, Role

COUNCIL_HALL = "Örnek Kent Konseyi Toplantı Salonu"
CULTURE_CENTRE = "Örnek Kültür Merkezi Konferans Salonu"
TERM_START = date(2025, 1, 10)  # the General Assembly's first meeting of the term
GROUPS_START = date(2025, 3, 3)

TOPICS = ["Kent Hakkı", "Erişilebilirlik", "Ulaşım", "Yeşil Alan", "Kadın", "Gençlik", "Çocuk"]

# Published on purpose: the logins of a local demo, printed by load_demo.
LOGINS = [
    {
        "username": "uye",
        "password": "demo-uye-2026",  # noqa: S105
        "first_name": "Elif",
        "last_name": "Arslan",
        "label": "Kent ve Kentli Hakkı Çalışma Grubu üyesi",
    },
    {
        "username": "baskan",
        "password": "demo-baskan-2026",  # noqa: S105
        "first_name": "Murat",
        "last_name": "Çelik",
        "label": "Kent ve Kentli Hakkı Çalışma Grubu başkanı",
    },
    {
        "username": "kurul",
        "password": "demo-kurul-2026",  # noqa: S105
        "first_name": "Ayşe",
        "last_name": "Korkmaz",
        "label": "Yürütme Kurulu ve Genel Kurul üyesi",
    },
    {
        "username": "sekreterya",
        "password": "demo-sekreterya-2026",  # noqa: S105
        "first_name": "Hakan",
        "last_name": "Şahin",
        "label": "Genel Sekreterlik, Sekreterya grubu",
    },
]


@dataclass(frozen=True)
class Seat:
    """A membership: who, in which role, for which organisation, shown publicly or not."""

    name: str  # "First Last", or a demo login's username
    role: str = Role.MEMBER
    represents: str = ""
    public: bool = True


@dataclass(frozen=True)
class OrganSpec:
    slug: str
    name: str
    kind: str
    purpose: str
    intro: str  # the public page's intro
    seats: tuple[Seat, ...]
    starts_on: date = GROUPS_START

    @property
    def open_to_all(self) -> bool:
        return self.kind == OrganKind.WORKING_GROUP


BOARD_SEATS = (
    Seat("Nevin Aksoy", Role.CHAIR, "Örnek Kent Konseyi Başkanı"),
    Seat("Cemil Uysal", Role.DEPUTY_CHAIR, "Örnek Belediyesi (Belediye Başkanı temsilcisi)"),
    Seat("kurul", Role.MEMBER, "İzmir Barosu"),
    Seat("Okan Erdem", Role.RAPPORTEUR, "Mimarlar Odası Örnek Şubesi"),
    Seat("Leyla Bulut", Role.MEMBER, "Tabip Odası"),
    Seat("Hasan Tunç", Role.MEMBER, "Muhtarlar Derneği"),
    Seat("Pınar Ateş", Role.MEMBER, "Örnek Üniversitesi"),
    Seat("Yusuf Karaca", Role.MEMBER, "Esnaf ve Sanatkârlar Odası"),
    Seat("Melek Duman", Role.MEMBER, "Çağdaş Yaşamı Destekleme Derneği"),
)
# One representative of each working group and assembly sits in the General Assembly.
GROUP_REPRESENTATIVES = (
    Seat("baskan", represents="Kent ve Kentli Hakkı Çalışma Grubu"),
    Seat("Sevgi Erdoğan", represents="Engelsiz Yaşam Çalışma Grubu"),
    Seat("Hülya Tekin", represents="Kadın Meclisi"),
    Seat("Can Yurt", represents="Gençlik Meclisi"),
    Seat("Sibel Kara", represents="Engelli Meclisi"),
)
ASSEMBLY_DELEGATES = (
    Seat("Mahmut Altun", represents="Cumhuriyet Mahallesi Muhtarlığı"),
    Seat("Nazan Yücel", represents="Yeşiltepe Mahallesi Muhtarlığı"),
    Seat("Rıza Kocabaş", represents="Çınarlı Mahallesi Muhtarlığı"),
    Seat("Songül Ergin", represents="Örnek Valiliği (Vali temsilcisi)"),
    Seat("Tuncay Ercan", represents="Örnek Üniversitesi"),
    Seat("Aslı Turan", represents="Örnek Üniversitesi Öğrenci Konseyi"),
    Seat("Bülent Keskin", represents="İnşaat Mühendisleri Odası Örnek Şubesi"),
    Seat("Dilek Sezer", represents="Şehir Plancıları Odası Örnek Şubesi"),
    Seat("Erkan Çınar", represents="Eczacı Odası", public=False),
    Seat("Filiz Uçar", represents="Öğretmenler Sendikası Örnek Şubesi"),
    Seat("Gökhan Soylu", represents="Ticaret Odası"),
    Seat("Hatice Kalkan", represents="Kadın Girişimciler Derneği"),
    Seat("İsmail Coşkun", represents="Emekliler Derneği", public=False),
    Seat("Kübra Yıldız", represents="Afalina Hayvan Hakları Topluluğu"),
    Seat("Levent Işık", represents="Sokak Çorbacıları"),
    Seat("Meltem Gündoğdu", represents="İzmir Demokrasi Platformu"),
    Seat("Nihat Toprak", represents="Ziraat Odası", public=False),
    Seat("Özlem Cengiz", represents="Tülay Aktaş Gönüllü Kuruluşlar Güç Birliği"),
    Seat("Rahmi Aydoğan", represents="Örnek Kent Kooperatifi"),
    Seat("Selda Kurtuluş", represents="EGEÇEP"),
    Seat("Taner Ekşi", represents="Amatör Spor Kulüpleri Birliği", public=False),
    Seat("Ümran Sevim", represents="Sosyal Hizmet Uzmanları Derneği"),
    Seat("Vedat Oral", represents="Gazeteciler Cemiyeti"),
    Seat("Yasemin Durmaz", represents="Oy ve Ötesi"),
    Seat("Zafer Akgün", represents="Engelsiz Yaşam Hakkı Ağı"),
    Seat("Aylin Ekici", represents="Çevre Mühendisleri Odası", public=False),
    Seat("Cengiz Baysal", represents="Diş Hekimleri Odası"),
    Seat("Gönül Karakaya", represents="Örnek Kültür ve Sanat Derneği", public=False),
)

GENERAL_ASSEMBLY = OrganSpec(
    slug="genel-kurul",
    name="Genel Kurul",
    kind=OrganKind.GENERAL_ASSEMBLY,
    purpose=(
        "Kent konseyinin en geniş katılımlı organıdır. Kamu kurumlarının, muhtarların, "
        "üniversitenin, meslek odalarının, sendikaların ve sivil toplum kuruluşlarının "
        "temsilcileri ile her çalışma grubunun ve meclisin birer temsilcisinden oluşur. "
        "Yılda en az iki kez toplanır; çalışma gruplarının ve meclislerin raporlarını "
        "Yürütme Kurulunun görüşüyle birlikte görüşür ve belediye meclisine iletilecek "
        "görüşleri karara bağlar."
    ),
    intro=(
        "Genel Kurul, kent konseyinin karar organıdır: çalışma gruplarının ve meclislerin "
        "raporlarını görüşür, kabul ettiği görüşler belediye meclisine iletilir."
    ),
    seats=BOARD_SEATS + GROUP_REPRESENTATIVES + ASSEMBLY_DELEGATES,
    starts_on=TERM_START,
)
EXECUTIVE_BOARD = OrganSpec(
    slug="yurutme-kurulu",
    name="Yürütme Kurulu",
    kind=OrganKind.EXECUTIVE_BOARD,
    purpose=(
        "Kent konseyi başkanının başkanlığında toplanan yürütme organıdır. Çalışma "
        "gruplarının ve meclislerin raporlarını inceler, görüşünü ekleyerek Genel Kurula "
        "sunar ya da yeniden değerlendirilmek üzere gruba iade eder; Genel Kurul kararlarını "
        "belediye meclisine iletir ve sonuçlarını izler."
    ),
    intro=(
        "Yürütme Kurulu, raporları inceleyip görüşünü ekleyerek Genel Kurula sunar ve "
        "belediye meclisine iletilen görüşlerin sonucunu izler."
    ),
    seats=BOARD_SEATS,
    starts_on=TERM_START,
)
WOMEN_ASSEMBLY = OrganSpec(
    slug="kadin-meclisi",
    name="Kadın Meclisi",
    kind=OrganKind.ASSEMBLY,
    purpose=(
        "Kentte yaşayan kadınların sorunlarını ve önerilerini görünür kılar; kadınların "
        "kent yönetimine katılımını güçlendirmek için raporlar hazırlar."
    ),
    intro=(
        "Kadın Meclisi; güvenli kamusal alanlar, bakım hizmetleri ve kadın emeği üzerine "
        "çalışır, önerilerini rapor olarak kent konseyine sunar."
    ),
    seats=(
        Seat("Hülya Tekin", Role.CHAIR, "İzmir Kadın Kuruluşları Birliği"),
        Seat("Sema Güler", Role.DEPUTY_CHAIR, "Kadın Cinayetlerini Durduracağız Platformu"),
        Seat("Burcu Özkan", Role.RAPPORTEUR),
        Seat("Nermin Çakır", public=False),
        Seat("Esra Kaplan", represents="Tülay Aktaş Gönüllü Kuruluşlar Güç Birliği"),
    ),
)
YOUTH_ASSEMBLY = OrganSpec(
    slug="genclik-meclisi",
    name="Gençlik Meclisi",
    kind=OrganKind.ASSEMBLY,
    purpose=(
        "Kentin gençlerini bir araya getirir; eğitim, ulaşım, kültür ve spor olanaklarına "
        "ilişkin önerilerini kent konseyine taşır."
    ),
    intro="Gençlik Meclisi, gençlerin kentten beklentilerini önerilere dönüştürür.",
    seats=(
        Seat("Can Yurt", Role.CHAIR, "Öğrenci Kolektifleri"),
        Seat("İrem Sarı", Role.DEPUTY_CHAIR),
        Seat("Mert Akın", Role.RAPPORTEUR, "Oy ve Ötesi"),
        Seat("Ceren Taş", public=False),
        Seat("Onur Bozkurt", represents="EGEÇEP"),
    ),
)
DISABILITY_ASSEMBLY = OrganSpec(
    slug="engelli-meclisi",
    name="Engelli Meclisi",
    kind=OrganKind.ASSEMBLY,
    purpose=(
        "Engelli bireylerin ve ailelerinin kent yaşamına eşit katılımı için çalışır; "
        "belediye hizmetlerinin erişilebilirliğini izler."
    ),
    intro="Engelli Meclisi, belediye hizmetlerinin erişilebilirliğini izler ve öneriler sunar.",
    seats=(
        Seat("Sibel Kara", Role.CHAIR, "365 Gün Engelliyiz Platformu"),
        Seat("Volkan Aksu", Role.DEPUTY_CHAIR, "Engelsiz Yaşam Hakkı Ağı"),
        Seat("Gizem Önal"),
        Seat("Ali Rıza Tuna", public=False),
    ),
)
CITY_RIGHTS_GROUP = OrganSpec(
    slug="kent-ve-kentli-hakki-calisma-grubu",
    name="Kent ve Kentli Hakkı Çalışma Grubu",
    kind=OrganKind.WORKING_GROUP,
    purpose=(
        "Kentte yaşayan herkesin kentin olanaklarından eşit biçimde yararlanma ve kentin "
        "geleceğine ilişkin kararlara katılma hakkını savunur. Kamusal alanlar, kentsel "
        "dönüşüm, katılımcı planlama ve hemşehri hukuku üzerine raporlar hazırlar. "
        "Kent konseyi üyesi olmak gerekmez: kent hakkına emek vermek isteyen herkes katılabilir."
    ),
    intro=(
        "Kamusal alanlar, kentsel dönüşüm ve katılımcı planlama üzerine çalışan açık bir "
        "grup. Katılmak için kent konseyi üyesi olmak gerekmez."
    ),
    seats=(
        Seat("baskan", Role.CHAIR),
        Seat("Serkan Doğan", Role.DEPUTY_CHAIR, "İzmir Barosu"),
        Seat("Gülay Öztürk", Role.RAPPORTEUR, "Sosyal Hizmet Uzmanları Derneği"),
        Seat("uye"),
        Seat("Barış Kılıç", represents="Oy ve Ötesi"),
        Seat("Derya Yalçın", public=False),
        Seat("Kerem Aslan", represents="Öğrenci Kolektifleri", public=False),
    ),
)
ACCESSIBILITY_GROUP = OrganSpec(
    slug="engelsiz-yasam-calisma-grubu",
    name="Engelsiz Yaşam Çalışma Grubu",
    kind=OrganKind.WORKING_GROUP,
    purpose=(
        "Kaldırımlardan toplu taşımaya, kamu binalarından dijital hizmetlere kadar kentin "
        "herkes için erişilebilir olması için çalışır; engelli bireylerin ve örgütlerinin "
        "deneyimini raporlara dönüştürür. Katılmak için kent konseyi üyesi olmak gerekmez."
    ),
    intro=(
        "Kaldırımlar, duraklar, kamu binaları ve dijital hizmetlerde erişilebilirlik üzerine "
        "çalışan açık bir grup. Katılmak için kent konseyi üyesi olmak gerekmez."
    ),
    seats=(
        Seat("Sevgi Erdoğan", Role.CHAIR, "365 Gün Engelliyiz Platformu"),
        Seat("Ahmet Kurt", Role.DEPUTY_CHAIR, "Engelsiz Yaşam Hakkı Ağı"),
        Seat("Canan Özdemir", Role.RAPPORTEUR),
        Seat("Emre Koç", represents="Örnek Üniversitesi Engelsiz Kampüs Birimi"),
        Seat("Fatma Şimşek", public=False),
        Seat("Oğuz Yavuz", represents="Çağdaş Yaşamı Destekleme Derneği"),
        Seat("Selim Ekinci"),
    ),
)
ORGANS = (
    GENERAL_ASSEMBLY,
    EXECUTIVE_BOARD,
    WOMEN_ASSEMBLY,
    YOUTH_ASSEMBLY,
    DISABILITY_ASSEMBLY,
    CITY_RIGHTS_GROUP,
    ACCESSIBILITY_GROUP,
)

# People who ask to join the city-rights group from its page: one accepted, one waiting.
JOINER = "Nurcan Polat"
JOINER_REPRESENTS = "Tülay Aktaş Gönüllü Kuruluşlar Güç Birliği"
APPLICANT = "Tolga Güneş"
APPLICANT_REPRESENTS = "Sokak Çorbacıları"
