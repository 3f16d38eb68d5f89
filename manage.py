#!/usr/bin/env python
import os
import sys


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "clinic.settings")
    from django.conf import settings
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line

    try:
        settings.INSTALLED_APPS  # noqa: B018 - read here, so a refusal is said plainly
    except ImproperlyConfigured as error:
        # Django would go on without settings and fail later with an unrelated traceback
        # ("Models aren't loaded yet"): the reason and the way out instead.
        sys.exit(
            f"manage.py: {error}\n"
            "In a checkout (development, tests), DJANGO_DEBUG=true is enough, as `make demo` "
            "and `make check` set it."
        )
    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
