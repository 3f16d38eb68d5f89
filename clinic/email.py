"""The portal's emails: plain text, in the recipient's language, never HTML-escaped."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation


def render_email(template: str, context: dict, *, language: str) -> tuple[str, str]:
    """(subject, body) of `<template>_subject.txt` and `<template>_body.txt`.

    Rendered by the "email" template engine, which does not autoescape: an apostrophe in
    "Signe d'alerte" or a clinic's name reaches the reader as typed.
    """
    with translation.override(language):
        subject = render_to_string(f"{template}_subject.txt", context, using="email")
        body = render_to_string(f"{template}_body.txt", context, using="email")
    # A subject is one line: a newline in it would make the mail library refuse the message.
    return " ".join(subject.split()), body


def send_email(template: str, context: dict, *, to: str, language: str, headers=None) -> None:
    """Render and send one email. Raises if the mail server refuses it: callers decide."""
    subject, body = render_email(template, context, language=language)
    EmailMessage(
        subject=subject,
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[to],
        headers=headers,
    ).send()
