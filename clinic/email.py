"""The portal's emails: plain text, in the recipient's language, never HTML-escaped."""

import smtplib

from django.conf import settings
from django.core.mail import BadHeaderError, EmailMessage
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


class EmailNotSent(Exception):
    """The email did not leave: the mail server refused it or could not be reached."""


def send_email(template: str, context: dict, *, to: str, language: str, headers=None) -> None:
    """Render and send one email. Raises EmailNotSent if it did not leave: callers say so."""
    subject, body = render_email(template, context, language=language)
    message = EmailMessage(
        subject=subject,
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[to],
        headers=headers,
    )
    try:
        message.send()
    except (smtplib.SMTPException, OSError, BadHeaderError) as error:
        raise EmailNotSent(str(error) or type(error).__name__) from error
