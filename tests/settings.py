"""The test suite's settings: the portal's own, with debug asked for, as `make demo` does.

Debug is off unless asked for (clinic/settings.py). The suite runs in a checkout, where a
per-checkout secret key is enough, and pytest-django turns DEBUG off again around each test;
the commands tests start (manage.py in a subprocess) inherit the same choice.
"""

import os

os.environ.setdefault("DJANGO_DEBUG", "true")

from clinic.settings import *  # noqa: E402, F403
