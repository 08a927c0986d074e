# "7 Şubat 2026, 10.00": no leading zero on the day, a dot between hours and minutes.
DATE_FORMAT = "j F Y"
SHORT_DATE_FORMAT = "d.m.Y"
TIME_FORMAT = "H.i"
DATETIME_FORMAT = "j F Y, H.i"
SHORT_DATETIME_FORMAT = "d.m.Y H.i"
MONTH_DAY_FORMAT = "j F"
YEAR_MONTH_FORMAT = "F Y"
FIRST_DAY_OF_WEEK = 1
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "."
