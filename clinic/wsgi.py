import codecs
import os

from django.core.wsgi import get_wsgi_application
from django.utils.http import parse_header_parameters

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "clinic.settings")

REFUSED = (
    b"The portal could not read this request: its Content-Type header is malformed.\n"
    b"Le portail n'a pas pu lire cette demande : son en-tete Content-Type est mal forme.\n"
)


def readable_content_type(environ) -> bool:
    """Whether Django can read the request's Content-Type header.

    Django parses it while building the request, before any middleware runs, and a charset
    it cannot look up (a NUL in it, "charset*=bogus''x") raises there: a 500 the portal's
    own error handling never sees. Such a request is refused here instead.
    """
    try:
        _, params = parse_header_parameters(environ.get("CONTENT_TYPE", ""))
        if "charset" in params:
            codecs.lookup(params["charset"])
    except (LookupError, ValueError, UnicodeError):
        return False
    return True


def refuse_unreadable_content_type(app):
    def guarded(environ, start_response):
        if readable_content_type(environ):
            return app(environ, start_response)
        start_response(
            "400 Bad Request",
            [("Content-Type", "text/plain; charset=utf-8"), ("Content-Length", str(len(REFUSED)))],
        )
        return [REFUSED]

    return guarded


application = refuse_unreadable_content_type(get_wsgi_application())
