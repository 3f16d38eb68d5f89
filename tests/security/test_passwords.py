import pytest
from django.contrib.auth.hashers import PBKDF2PasswordHasher, check_password, make_password
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError

from clinic import settings as portal_settings


def test_argon2_hashes_every_new_password():
    # The tests swap in MD5 for speed (tests/conftest.py); the portal's own list is read here.
    assert portal_settings.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"


def test_argon2_is_installed_and_works(settings):
    settings.PASSWORD_HASHERS = portal_settings.PASSWORD_HASHERS
    hashed = make_password("knee-strong-2026")
    assert hashed.startswith("argon2$")
    assert check_password("knee-strong-2026", hashed)


def test_hashes_made_before_argon2_still_work(settings):
    settings.PASSWORD_HASHERS = portal_settings.PASSWORD_HASHERS
    # As made years ago: PBKDF2, with the fewer rounds of the time (cheaper to check, too).
    old = PBKDF2PasswordHasher().encode("knee-strong-2026", "oldsalt1234", iterations=20_000)
    assert old.startswith("pbkdf2_sha256$20000$")
    assert check_password("knee-strong-2026", old)
    assert not check_password("knee-strong-2025", old)


def test_a_password_needs_ten_characters():
    with pytest.raises(ValidationError, match="at least 10 characters"):
        validate_password("kn33-str0")  # nine
    validate_password("kn33-str0n")  # ten
