"""Typed readers for settings that come from the environment.

Each reader refuses a value it cannot understand, so that a typo in a deployment
stops start-up with a message instead of silently falling back to a default.
"""

import os
import secrets
import zoneinfo
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off"}


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default).strip()


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    value = raw.strip().lower()
    if value in TRUE_WORDS:
        return True
    if value in FALSE_WORDS:
        return False
    raise ImproperlyConfigured(
        f"{name}={raw!r} is not a yes/no value. Use one of: "
        f"{', '.join(sorted(TRUE_WORDS))} or {', '.join(sorted(FALSE_WORDS))}."
    )


def env_int(name: str, default: int, *, minimum: int = 0) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = int(raw.strip())
    except ValueError:
        raise ImproperlyConfigured(f"{name}={raw!r} is not a whole number.") from None
    if value < minimum:
        raise ImproperlyConfigured(f"{name}={raw!r} must be at least {minimum}.")
    return value


def env_list(name: str, default: list[str] | None = None) -> list[str]:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return list(default or [])
    return [item.strip() for item in raw.split(",") if item.strip()]


def env_prefixed(prefix: str) -> dict[str, str]:
    """Every variable named PREFIX<NAME>, as {NAME: value}: a library's own settings, passed
    through as they are (e.g. DJANGO_ANYMAIL_POSTMARK_SERVER_TOKEN)."""
    return {
        name.removeprefix(prefix): value
        for name, value in os.environ.items()
        if name.startswith(prefix) and name != prefix
    }


def env_time_zone(name: str, default: str) -> str:
    value = env_str(name, default)
    if value not in zoneinfo.available_timezones():
        raise ImproperlyConfigured(
            f"{name}={value!r} is not a known time zone (for example America/Toronto)."
        )
    return value


CACHE_BACKENDS = {
    "locmem": "django.core.cache.backends.locmem.LocMemCache",
    "redis": "django.core.cache.backends.redis.RedisCache",
    "rediss": "django.core.cache.backends.redis.RedisCache",
}


def env_cache(name: str, default: str = "locmem://") -> dict:
    """A CACHES["default"] entry from a URL: `redis://host:6379/0`, `rediss://…` or `locmem://`."""
    value = env_str(name, default) or default
    scheme, sep, rest = value.partition("://")
    if not sep or scheme not in CACHE_BACKENDS:
        raise ImproperlyConfigured(
            f"{name}={value!r} is not a cache URL. Use redis://host:6379/0 (or rediss://) "
            "or locmem:// for a cache inside each process."
        )
    if scheme == "locmem":
        return {"BACKEND": CACHE_BACKENDS[scheme], "LOCATION": rest or "portal"}
    return {"BACKEND": CACHE_BACKENDS[scheme], "LOCATION": value}


# Redis connections of the task queue give up rather than hang: a patient's request that
# enqueues an email after commit must never wait on an unreachable Redis (the scheduler's
# sweep enqueues again what could not be enqueued then).
REDIS_TIMEOUTS = {"socket_connect_timeout": "2", "socket_timeout": "5"}


def env_tasks(name: str, *, queue: str) -> tuple[dict, dict]:
    """TASKS and RQ_QUEUES from one variable: `database` (the default) for the queue in the
    portal's own database, or `redis://host:6379/N` (or `rediss://`) for RQ workers."""
    return tasks_config(env_str(name, "database") or "database", queue=queue, name=name)


def tasks_config(value: str, *, queue: str, name: str = "DJANGO_TASKS_URL") -> tuple[dict, dict]:
    if len(queue) > 32:
        raise ImproperlyConfigured(f"The task queue's name {queue!r} is longer than 32 letters.")
    if value == "database":
        backend = {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": [queue]}
        return {"default": backend}, {}
    scheme, sep, _rest = value.partition("://")
    if not sep or scheme not in ("redis", "rediss"):
        raise ImproperlyConfigured(
            f"{name}={value!r} is not a task queue. Use database (the portal's own database, "
            "the default) or redis://host:6379/0 (or rediss://) for Redis-backed workers."
        )
    query = "&".join(f"{key}={v}" for key, v in REDIS_TIMEOUTS.items() if f"{key}=" not in value)
    url = value + ("&" if "?" in value else "?") + query if query else value
    backend = {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": [queue]}
    return {"default": backend}, {queue: {"URL": url, "DEFAULT_TIMEOUT": 300}}


SQLITE_OPTIONS = {
    # Readers alongside one writer (write-ahead log), and a writer that finds the database
    # busy waits up to 20 seconds for its turn instead of failing at once.
    "init_command": "PRAGMA journal_mode=WAL;",
    "timeout": 20,
    # Every transaction takes the write lock when it begins. Two that each read, then write
    # (two check-offs of the same session at once) cannot deadlock: the second waits for
    # the first, then sees what it saved.
    "transaction_mode": "IMMEDIATE",
}


def database_config(url: str, *, conn_max_age: int) -> dict:
    """A DATABASES entry from a URL; SQLite (the embedded default) set up for concurrent use."""
    config = dj_database_url.parse(url, conn_max_age=conn_max_age, conn_health_checks=True)
    if config["ENGINE"] == "django.db.backends.sqlite3":
        config["OPTIONS"] = {**SQLITE_OPTIONS, **config.get("OPTIONS", {})}
    return config


MEDIA_STORAGES = ("file", "s3")


def env_media_storage(name: str = "DJANGO_MEDIA_STORAGE") -> dict:
    """STORAGES["default"]: uploaded pictures in MEDIA_ROOT (`file`, the default) or in an
    S3-compatible object store (`s3`), private, reached only through the portal's /media/
    view (clinic.media), which checks who asks."""
    kind = env_str(name, "file").lower() or "file"
    if kind not in MEDIA_STORAGES:
        raise ImproperlyConfigured(
            f"{name}={kind!r} is not a media storage. Use file (MEDIA_ROOT, the default) or s3."
        )
    if kind == "file":
        return {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    bucket = env_str("DJANGO_S3_BUCKET")
    if not bucket:
        raise ImproperlyConfigured(f"{name}=s3 needs DJANGO_S3_BUCKET, the bucket's name.")
    return {
        "BACKEND": "clinic.storage.PrivateS3Storage",
        "OPTIONS": {
            "bucket_name": bucket,
            # Another S3-compatible store (MinIO, Ceph, a provider's): its address.
            "endpoint_url": env_str("DJANGO_S3_ENDPOINT_URL") or None,
            "region_name": env_str("DJANGO_S3_REGION") or None,
            "location": env_str("DJANGO_S3_PREFIX", "media").strip("/"),
            # The credentials come from boto3's usual places: AWS_ACCESS_KEY_ID and
            # AWS_SECRET_ACCESS_KEY, a profile, or the machine's role.
            # Private objects: no ACL is sent, so the bucket's own policy (private) holds.
            "default_acl": None,
            # Two uploads of "bridge.png" keep both pictures (the second gets a suffix).
            "file_overwrite": False,
            # Should anything ask the store for a link, it is signed and short-lived.
            "querystring_auth": True,
            "querystring_expire": 300,
        },
    }


def secret_key_file(path: Path) -> str:
    """The secret key kept in `path`, made there (readable by its owner only) the first time.

    Several processes may start at once on a new install: the key is written to a file of
    its own and linked into place, so each reads the one key that won, never a half-written
    or overwritten one."""
    if not path.exists():
        draft = path.with_name(f"{path.name}.{os.getpid()}.{secrets.token_hex(4)}")
        descriptor = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w") as out:
            out.write(secrets.token_urlsafe(50))
        try:
            os.link(draft, path)
        except FileExistsError:
            pass
        finally:
            draft.unlink()
    return path.read_text().strip()
