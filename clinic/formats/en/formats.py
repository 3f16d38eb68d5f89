# Canadian English. Django's own for the rest (input formats, separators).
DATE_FORMAT = "N j, Y"  # Dec. 1, 2026
TIME_FORMAT = "P"  # 3:08 p.m.
DATETIME_FORMAT = "N j, Y, P"  # Dec. 1, 2026, 3:08 p.m.
# Numbers only: year first, the one order English and French Canada both read alike.
SHORT_DATE_FORMAT = "Y-m-d"  # 2026-12-01
SHORT_DATETIME_FORMAT = "Y-m-d P"  # 2026-12-01 3:08 p.m.
