"""Helpers shared by the security tests."""

from tests.conftest import PASSWORD

LOGIN = "/accounts/login/"


def sign_in(client, email, password=PASSWORD, **extra):
    """POST the sign-in form; `extra` goes to the request (REMOTE_ADDR=..., headers=...)."""
    data = {"username": email, "password": password}
    if "next" in extra:
        data["next"] = extra.pop("next")
    return client.post(LOGIN, data, **extra)
