"""The demo municipality's assembly calendar: its rule, extraordinary meetings, holidays."""

from datetime import date, timedelta

MUNICIPALITY = "Örnek Belediyesi"
RECESS_MONTH = 8
FIRST_YEAR = 2025

# Turkey's public holidays (Law 2429) of 2025 and 2026: the national days and the
# religious holidays as announced for each year. Eves (arife) are half days and stay
# working days here.
NATIONAL_DAYS = [
    (1, 1, "Yılbaşı"),
    (4, 23, "Ulusal Egemenlik ve Çocuk Bayramı"),
    (5, 1, "Emek ve Dayanışma Günü"),
    (5, 19, "Atatürk’ü Anma, Gençlik ve Spor Bayramı"),
    (7, 15, "Demokrasi ve Millî Birlik Günü"),
    (8, 30, "Zafer Bayramı"),
    (10, 29, "Cumhuriyet Bayramı"),
]
RELIGIOUS_HOLIDAYS = [
    ("Ramazan Bayramı", date(2025, 3, 30), 3),
    ("Kurban Bayramı", date(2025, 6, 6), 4),
    ("Ramazan Bayramı", date(2026, 3, 20), 3),
    ("Kurban Bayramı", date(2026, 5, 27), 4),
]
EXTRAORDINARY_MEETINGS = [
    (date(2026, 2, 16), "Olağanüstü toplantı: kış dönemi afet hazırlık planı"),
]


def public_holidays() -> list[tuple[date, str]]:
    days = [
        (date(year, month, day), name)
        for year in (2025, 2026)
        for month, day, name in NATIONAL_DAYS
    ]
    for name, first, length in RELIGIOUS_HOLIDAYS:
        days += [(first + timedelta(days=n), f"{name} {n + 1}. gün") for n in range(length)]
    return sorted(days)
