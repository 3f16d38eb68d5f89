# Canadian French (Office québécois de la langue française). Django's own for the rest
# (input formats, separators).
DATE_FORMAT = "j F Y"  # 1 décembre 2026
TIME_FORMAT = r"G \h i"  # 15 h 08
DATETIME_FORMAT = r"j N Y, G \h i"  # 1 déc. 2026, 15 h 08
# Numbers only: year first, the one order English and French Canada both read alike.
SHORT_DATE_FORMAT = "Y-m-d"  # 2026-12-01
SHORT_DATETIME_FORMAT = r"Y-m-d G \h i"  # 2026-12-01 15 h 08
