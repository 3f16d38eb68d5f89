"""Settings for the benchmarks: the portal's own settings, plus a bare page to compare with.

Everything else (debug, secret key, hosts, database) comes from the environment exactly as
on a server; `bench/patient_pages.py` sets it. Only two things differ from production:

- ROOT_URLCONF adds `/bench/bare/` (bench/urls.py) in front of the portal's own URLs.
- STATIC_ROOT may point at a throw-away folder (BENCH_STATIC_ROOT), so that the benchmark's
  collectstatic, which the manifest storage needs when debug is off, never touches the
  checkout's own `staticfiles/`.
"""

from pathlib import Path

from clinic.env import env_str
from clinic.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"

if env_str("BENCH_STATIC_ROOT"):
    STATIC_ROOT = Path(env_str("BENCH_STATIC_ROOT"))
