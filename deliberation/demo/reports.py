"""The demo reports version by version, and the texts of the organs' decisions on them."""

from dataclasses import dataclass

from deliberation.rules import quorum_needed

from .organs import COUNCIL_HALL, CULTURE_CENTRE


@dataclass(frozen=True)
class Draft:
    """The content of a report at one version."""

    title: str
    summary: str
    problem: str = ""
    findings: str = ""
    recommendations: str = ""
    references: str = ""

    def revise(self, **changes) -> "Draft":
        return Draft(**{**self.__dict__, **changes})


LAW_REFERENCES = (
    "<li>5393 sayılı Belediye Kanunu, madde 13 (hemşehri hukuku) ve madde 76 "
    "(kent konseyi)</li>"
    "<li>Kent Konseyi Yönetmeliği (Resmî Gazete, 8 Ekim 2006, sayı 26313)</li>"
)

PUBLIC_SPACE_V1 = Draft(
    title="Kamusal Alanlara Eşit Erişim: Kent Hakkı İçin Mahalle Ölçeğinde Öneriler",
    summary=(
        "Kentin parkları, meydanları ve kıyısı herkesin ortak alanıdır; ama yaşlılar, "
        "çocuklar, engelli bireyler ve çevre mahallelerde yaşayanlar bu alanlara eşit "
        "biçimde ulaşamıyor. Çalışma grubu sorunu mahalle ölçeğinde inceledi ve belediyeye "
        "somut öneriler sunuyor."
    ),
    problem=(
        "<p>Kent hakkı, kentte yaşayan herkesin kentin olanaklarından eşit biçimde "
        "yararlanma ve kentin geleceğine ilişkin kararlara katılma hakkıdır. Kamusal alanlar "
        "bu hakkın en görünür olduğu yerlerdir. Ancak ilçemizde parklar ve meydanlar kent "
        "merkezinde yoğunlaşmakta; çevre mahallelerde yaşayanlar için en yakın yeşil alan "
        "çoğu zaman yürüme mesafesinin dışında kalmaktadır.</p>"
        "<p>Kesintili kaldırımlar, yetersiz aydınlatma ve zayıf toplu taşıma bağlantıları; "
        "yaşlıların, çocukların, engelli bireylerin ve kadınların kamusal alanları "
        "kullanmasını fiilen sınırlamaktadır.</p>"
    ),
    findings=(
        "<ul><li>Çevre mahallelerde kişi başına düşen aktif yeşil alan, kent merkezindeki "
        "mahallelerin yarısından azdır.</li>"
        "<li>İncelenen parkların önemli bir bölümüne tekerlekli sandalyeyle ya da bebek "
        "arabasıyla kesintisiz ulaşılamamaktadır.</li></ul>"
    ),
    recommendations=(
        "<ol><li>Her mahallede yürüme mesafesinde (en çok 500 metre) bir yeşil alan hedefi "
        "benimsenmelidir.</li>"
        "<li>Park girişleri ve çevresindeki kaldırımlar erişilebilir hâle getirilmelidir.</li>"
        "<li>Park yenileme projeleri mahalle toplantılarında görüşülmelidir.</li></ol>"
    ),
    references=f"<ul>{LAW_REFERENCES}</ul>",
)
SURVEY_FINDINGS = (
    "<p>Çalışma grubu Ocak 2026’da altı mahallede saha gözlemi yaptı ve 412 kişiyle yüz yüze "
    "anket gerçekleştirdi.</p>"
    "<ul><li>Katılımcıların %58’i en yakın parka yürüyerek 10 dakikada ulaşamadığını "
    "belirtti; bu oran çevre mahallelerde %71’e çıkıyor.</li>"
    "<li>İncelenen 24 parkın 15’ine tekerlekli sandalyeyle ya da bebek arabasıyla kesintisiz "
    "ulaşılamıyor: rampasız kaldırımlar, park girişlerindeki basamaklar ve kaldırım "
    "üzerindeki engeller başlıca nedenler.</li>"
    "<li>Kadın katılımcıların %64’ü akşam saatlerinde parkları aydınlatma yetersizliği "
    "nedeniyle kullanmadığını söyledi.</li>"
    "<li>Katılımcıların yalnızca %9’u parkların tasarımı ya da yenilenmesi hakkında daha "
    "önce görüşünün sorulduğunu belirtti.</li>"
)
PUBLIC_SPACE_V2 = PUBLIC_SPACE_V1.revise(findings=SURVEY_FINDINGS + "</ul>")
PUBLIC_SPACE_V3 = PUBLIC_SPACE_V2.revise(
    summary=(
        "Parklar, meydanlar ve kıyı, kentte yaşayan herkesin ortak alanıdır; ancak yaşlılar, "
        "çocuklar, engelli bireyler ve çevre mahallelerde yaşayanlar bu alanlara eşit "
        "biçimde ulaşamıyor. Çalışma grubu altı mahallede yaptığı saha gözlemleri ve 412 "
        "kişiyle yapılan anketle sorunu belgeledi; belediyeye beş somut öneri sunuyor: "
        "yürüme mesafesinde yeşil alan, erişilebilir güzergâhlar, güvenli aydınlatma, "
        "mahalle katılım toplantıları ve yıllık izleme."
    ),
    findings=SURVEY_FINDINGS
    + (
        "<li>Kıyı bandına çevre mahallelerden doğrudan toplu taşıma bağlantısı bulunmuyor; "
        "hafta sonu seferleri yaz aylarında dahi artırılmıyor.</li></ul>"
    ),
    recommendations=(
        "<ol><li><b>Yürüme mesafesinde yeşil alan:</b> Her mahallede konutlardan en çok 500 "
        "metre uzaklıkta bir yeşil alan bulunması hedefi imar planlarına ve yatırım "
        "programına yazılmalı; öncelik çevre mahallelere verilmelidir.</li>"
        "<li><b>Erişilebilir güzergâhlar:</b> Parklara çıkan ana güzergâhlarda kaldırımlar "
        "kesintisiz, rampalı ve engelsiz hâle getirilmeli; park girişlerindeki basamaklara "
        "rampa eklenmelidir.</li>"
        "<li><b>Güvenli aydınlatma:</b> Parklarda ve park yollarında aydınlatma, kadınların "
        "ve yaşlıların görüşü alınarak yeniden planlanmalıdır.</li>"
        "<li><b>Mahalle katılım toplantıları:</b> Her park yenileme ve yeni park projesi, "
        "uygulamadan önce mahalle sakinleriyle yapılacak en az bir toplantıda görüşülmeli; "
        "toplantı sonuçları yayımlanmalıdır.</li>"
        "<li><b>İzleme:</b> Belediye, mahalle başına yeşil alan ve erişilebilir park girişi "
        "oranlarını her yıl kamuoyuyla paylaşmalıdır.</li></ol>"
    ),
    references=(
        f"<ul>{LAW_REFERENCES}"
        "<li>Kent Hakkı Dünya Şartı (2005)</li>"
        "<li>Mekânsal Planlar Yapım Yönetmeliği, sosyal ve teknik altyapı alanlarına ilişkin "
        "asgari standartlar</li></ul>"
    ),
)

ACCESSIBILITY_V1 = Draft(
    title="Engelsiz Kent: Kaldırımlar, Duraklar ve Kamu Binalarında Erişilebilirlik",
    summary=(
        "Engelli bireyler, yaşlılar ve bebek arabasıyla dolaşanlar için kentte bağımsız "
        "hareket etmek hâlâ zor. Çalışma grubu kaldırımları, toplu taşıma duraklarını ve "
        "belediye hizmet binalarını inceledi; erişilebilirlik için öncelikli düzenlemeleri "
        "öneriyor."
    ),
    problem=(
        "<p>5378 sayılı Engelliler Hakkında Kanun, kamu binalarının, kaldırımların ve toplu "
        "taşıma araçlarının erişilebilir olmasını öngörüyor; ancak uygulamada engelli "
        "bireylerin kentte bağımsız hareket etmesi hâlâ mümkün değil. Kaldırımlardaki "
        "yükseklik farkları, rampasız yaya geçitleri, yanlış döşenmiş hissedilebilir "
        "yüzeyler ve sesli uyarı sistemlerinin eksikliği günlük hayatı kısıtlıyor.</p>"
    ),
    findings=(
        "<ul><li>Ana caddelerdeki yaya geçitlerinin önemli bir bölümünde kaldırım rampası "
        "bulunmuyor ya da rampa eğimi standartlara uymuyor.</li>"
        "<li>Toplu taşıma duraklarının çoğunda sesli anons ya da dokunsal yön bilgisi "
        "yok.</li>"
        "<li>Belediye hizmet binalarının bir kısmında asansör ve erişilebilir tuvalet "
        "bulunmuyor.</li></ul>"
    ),
    recommendations=(
        "<ol><li>Yaya geçitlerindeki kaldırım rampaları standartlara uygun hâle "
        "getirilmelidir.</li>"
        "<li>Duraklarda sesli anons ve dokunsal yüzey uygulaması yaygınlaştırılmalıdır.</li>"
        "<li>Belediye hizmet binaları için bir erişilebilirlik eylem planı "
        "hazırlanmalıdır.</li></ol>"
    ),
    references=(
        "<ul><li>5378 sayılı Engelliler Hakkında Kanun, geçici madde 2 ve 3</li>"
        "<li>Birleşmiş Milletler Engelli Hakları Sözleşmesi, madde 9 (erişilebilirlik)</li>"
        "<li>TS 9111 Engelli ve hareket kısıtlılığı bulunan kişiler için binalarda "
        "ulaşılabilirlik gerekleri</li></ul>"
    ),
)
ACCESSIBILITY_V2 = ACCESSIBILITY_V1.revise(
    findings=ACCESSIBILITY_V1.findings.replace(
        "</ul>",
        "<li>İlçedeki yaklaşık 120 otobüs durağının yalnızca birkaçında sesli anons sistemi "
        "çalışıyor.</li></ul>",
    )
)
ACCESSIBILITY_V3 = ACCESSIBILITY_V2.revise(
    findings=(
        "<p><i>Veri kaynağı:</i> Durak sayımı, çalışma grubunun 365 Gün Engelliyiz Platformu "
        "gönüllüleriyle 2–20 Mart 2026 tarihleri arasında yaptığı yerinde incelemeye "
        "dayanır; 118 durağın her biri için fotoğraflı kayıt tutulmuştur.</p>"
        + ACCESSIBILITY_V2.findings.replace(
            "yaklaşık 120 otobüs durağının yalnızca birkaçında",
            "118 otobüs durağından yalnızca 7’sinde",
        )
    ),
    recommendations=(
        "<ol><li>Yaya geçitlerindeki kaldırım rampaları TS 12576 standardına uygun hâle "
        "getirilmelidir. <i>Sorumlu birim:</i> Fen İşleri Müdürlüğü; <i>öncelik:</i> okul, "
        "hastane ve sağlık ocağı çevreleri.</li>"
        "<li>Duraklarda sesli anons ve dokunsal yüzey uygulaması yaygınlaştırılmalıdır. "
        "<i>Sorumlu birim:</i> Ulaşım Hizmetleri Müdürlüğü; <i>tahmini maliyet:</i> durak "
        "başına yaklaşık 45.000 TL.</li>"
        "<li>Belediye hizmet binaları için bir erişilebilirlik eylem planı hazırlanmalıdır. "
        "<i>Sorumlu birim:</i> Yapı Kontrol Müdürlüğü; <i>süre:</i> altı ay.</li></ol>"
    ),
)

RENEWAL_V1 = Draft(
    title="Kentsel Dönüşümde Yerinde Dönüşüm ve Hak Sahipliği",
    summary=(
        "Kentsel dönüşüm projelerinde kiracılar ve düşük gelirli hak sahipleri çoğu zaman "
        "mahallelerinden uzaklaşmak zorunda kalıyor. Taslak, yerinde dönüşüm ilkesi ve "
        "kiracıların korunması için öneriler geliştiriyor."
    ),
    problem=(
        "<p>Dönüşüm alanlarında yapılan uzlaşma görüşmeleri çoğunlukla yalnızca tapu "
        "sahipleriyle yürütülüyor; kiracılar, yaşlılar ve esnaf süreç hakkında geç ve eksik "
        "bilgilendiriliyor. Yeni konutların maliyeti, mahallenin eski sakinlerinin önemli "
        "bir bölümünün bölgede kalmasını imkânsız kılıyor.</p>"
    ),
    findings=(
        "<p>(Taslak) Grup, iki dönüşüm alanında mahalle sakinleriyle görüşmelere devam "
        "ediyor; bulgular bu görüşmelerden sonra tamamlanacak.</p>"
    ),
    recommendations=(
        "<ol><li>Dönüşüm projelerinde yerinde dönüşüm esas alınmalıdır.</li>"
        "<li>Kiracılar için kira yardımı ve öncelikli kiralık konut hakkı "
        "tanınmalıdır.</li></ol>"
    ),
    references=(
        "<ul><li>6306 sayılı Afet Riski Altındaki Alanların Dönüştürülmesi Hakkında "
        "Kanun</li>" + LAW_REFERENCES + "</ul>"
    ),
)
RENEWAL_V2 = RENEWAL_V1.revise(
    recommendations=(
        "<ol><li>Dönüşüm projelerinde yerinde dönüşüm esas alınmalı; başka bir yere "
        "taşınma ancak hak sahibinin isteğiyle olmalıdır.</li>"
        "<li>Kiracılar için dönüşüm süresince kira yardımı ve yeni yapılarda öncelikli "
        "kiralık konut hakkı tanınmalıdır.</li>"
        "<li>Her dönüşüm alanında belediye, kent konseyi ve mahalle temsilcilerinden oluşan "
        "bir izleme kurulu kurulmalıdır.</li></ol>"
    ),
)

SAFE_CITY_V1 = Draft(
    title="Güvenli Kent: Aydınlatma ve Kadın Dostu Kamusal Alanlar",
    summary=(
        "Kadınlar kentte güvenle dolaşabildiğinde kamusal alanlar herkes için daha "
        "yaşanabilir olur. Kadın Meclisi; aydınlatma, toplu taşıma durakları ve parklar için "
        "kadınların deneyimine dayanan öneriler sunuyor."
    ),
    problem=(
        "<p>Kadınların önemli bir bölümü akşam saatlerinde bazı sokakları, alt geçitleri ve "
        "parkları kullanmaktan kaçınıyor. Aydınlatmanın yetersiz ve bakımsız olması, "
        "durakların ıssız noktalarda bulunması bu kaçınmanın başlıca nedenleri.</p>"
    ),
    findings=(
        "<ul><li>Kadın Meclisinin Eylül 2026’da yaptığı gece yürüyüşlerinde 37 noktada "
        "aydınlatma arızası ya da yetersizliği saptandı.</li>"
        "<li>Alt geçitlerin hiçbirinde acil çağrı düğmesi bulunmuyor.</li></ul>"
    ),
    recommendations=(
        "<ol><li>Saptanan 37 noktadaki aydınlatma sorunları üç ay içinde giderilmelidir.</li>"
        "<li>Yeni aydınlatma projeleri kadınlarla birlikte yapılacak gece yürüyüşleriyle "
        "planlanmalıdır.</li></ol>"
    ),
    references=(
        "<ul><li>Birleşmiş Milletler Kadın Birimi, Güvenli Kentler ve Güvenli Kamusal "
        "Alanlar Programı</li>" + LAW_REFERENCES + "</ul>"
    ),
)
SAFE_CITY_V2 = SAFE_CITY_V1.revise(
    recommendations=SAFE_CITY_V1.recommendations.replace(
        "</ol>",
        "<li>Gece saatlerinde işleyen otobüs hatlarında kadın yolcuların duraklar arasında "
        "inebilmesi için “istek üzerine duruş” uygulaması başlatılmalıdır.</li></ol>",
    )
)

BOARD_OPINION = (
    "Yürütme Kurulu, raporun kamusal alanlara erişimi kent hakkının bir parçası olarak ele "
    "alan önerilerini uygun bulmuştur. Önerilerin uygulanmasında mahalle ölçeğinde katılım "
    "toplantılarının esas alınması ve yıllık izleme göstergelerinin kent konseyiyle "
    "paylaşılması görüşüyle raporun Genel Kurula sunulmasına karar verilmiştir."
)
BOARD_RETURN = (
    "Yürütme Kurulu, raporun amacını ve önerilerini desteklemekle birlikte duraklara ilişkin "
    "sayısal bulguların hangi çalışmaya dayandığının belirtilmediğini; önerilerde sorumlu "
    "birim, öncelik sırası ve tahmini maliyet bilgisine yer verilmediğini değerlendirmiştir. "
    "Rapor, bu eksiklikler giderildikten sonra yeniden değerlendirilmek üzere Engelsiz Yaşam "
    "Çalışma Grubuna iade edilmiştir."
)
ASSEMBLY_APPROVAL = (
    "Genel Kurul, Kent ve Kentli Hakkı Çalışma Grubunun raporunu Yürütme Kurulunun görüşüyle "
    "birlikte kabul etmiş; raporun önerilerinin 5393 sayılı Belediye Kanununun 76. maddesi "
    "uyarınca Örnek Belediyesi Meclisinin ilk toplantısında görüşülmek üzere Belediye "
    "Başkanlığına iletilmesine karar vermiştir."
)


def board_minutes(*, public_space, accessibility, opinion, returned, calendar) -> str:
    """The minutes of the Executive Board's meeting of 12 March 2026."""
    return (
        "Örnek Kent Konseyi Yürütme Kurulu, 12 Mart 2026 Perşembe günü saat 18.00’de "
        f"{COUNCIL_HALL}nda Başkan Nevin Aksoy başkanlığında toplandı. Kurulun 9 üyesinin "
        "tamamı toplantıya katıldı; toplantı yeter sayısının (5) bulunduğu tespit edildi.\n\n"
        f"1. Kent ve Kentli Hakkı Çalışma Grubunun “{public_space.title}” başlıklı raporu "
        "görüşüldü. Raporu çalışma grubu başkanı Murat Çelik sundu. Yapılan görüşmelerin "
        "ardından Kurul, olumlu görüşüyle birlikte raporun Genel Kurula sunulmasına "
        "7 kabul, 1 ret ve 1 çekimser oyla oyçokluğuyla karar verdi "
        f"(Karar No: {opinion.reference}).\n\n"
        f"2. Engelsiz Yaşam Çalışma Grubunun “{accessibility.title}” başlıklı raporu "
        "görüşüldü. Kurul, duraklara ilişkin bulguların kaynağının belirtilmesi ve "
        "önerilere sorumlu birim ile maliyet bilgisinin eklenmesi için raporun yeniden "
        "değerlendirilmek üzere çalışma grubuna iadesine 6 kabul, 2 ret ve 1 çekimser oyla "
        f"karar verdi (Karar No: {returned.reference}).\n\n"
        "3. Kent konseyinin 2026 yılı etkinlik takvimi görüşüldü ve oybirliğiyle kabul "
        f"edildi (Karar No: {calendar.reference}).\n\n"
        "Görüşülecek başka konu bulunmadığından toplantı saat 20.10’da sona erdi."
    )


def assembly_minutes(*, public_space, members: int, present: int, activity, approval) -> str:
    """The minutes of the General Assembly's meeting of 18 April 2026."""
    return (
        "Örnek Kent Konseyi Genel Kurulu, 18 Nisan 2026 Cumartesi günü saat 10.30’da "
        f"{CULTURE_CENTRE}nda olağan toplantısını yaptı. Toplantıya Genel Kurulun {members} "
        f"üyesinden {present} üye katıldı; toplantı yeter sayısının ({quorum_needed(members)}) "
        "bulunduğu tespit edildi.\n\n"
        "1. Yürütme Kurulunun 2025 yılı faaliyet raporu görüşüldü ve 28 kabul, 2 çekimser "
        f"oyla kabul edildi (Karar No: {activity.reference}).\n\n"
        f"2. Kent ve Kentli Hakkı Çalışma Grubunun “{public_space.title}” başlıklı raporu, "
        "Yürütme Kurulunun 12 Mart 2026 tarihli görüşüyle birlikte görüşüldü. Rapor 26 "
        "kabul, 2 ret ve 2 çekimser oyla oyçokluğuyla kabul edildi; önerilerin 5393 sayılı "
        "Kanunun 76. maddesi uyarınca belediye meclisine iletilmesine karar verildi "
        f"(Karar No: {approval.reference}).\n\n"
        "3. Dilek ve temenniler bölümünde üyeler, Gençlik Meclisinin yaz dönemi "
        "çalışmaları ile mahalle muhtarlıklarıyla ortak toplantıların sürdürülmesi "
        "önerilerini dile getirdi.\n\n"
        "Toplantı saat 13.05’te sona erdi."
    )
