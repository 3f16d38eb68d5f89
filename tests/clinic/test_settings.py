"""Settings from the environment: the typed readers of clinic/env.py refuse what they cannot
understand, and the settings module uses them (one real start-up, in a process of its own)."""

import os
import subprocess
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from clinic.env import (
    env_bool,
    env_cache,
    env_int,
    env_list,
    env_str,
    env_tasks,
    env_time_zone,
    secret_key_file,
)

ROOT = Path(__file__).resolve().parents[2]
NAME = "PORTAL_TEST_VALUE"  # a variable nothing else reads


@pytest.fixture
def env(monkeypatch):
    """env(value): NAME set to value (None: unset)."""
    monkeypatch.delenv(NAME, raising=False)

    def set_to(value):
        if value is None:
            monkeypatch.delenv(NAME, raising=False)
        else:
            monkeypatch.setenv(NAME, value)

    return set_to


# env_str


@pytest.mark.parametrize(("raw", "value"), [(None, "fallback"), ("  padded  ", "padded")])
def test_env_str_strips_and_falls_back(env, raw, value):
    env(raw)
    assert env_str(NAME, "fallback") == value


def test_env_str_defaults_to_empty(env):
    assert env_str(NAME) == ""


# env_bool


@pytest.mark.parametrize("raw", ["1", "true", "YES", " On "])
def test_env_bool_reads_yes(env, raw):
    env(raw)
    assert env_bool(NAME, False) is True


@pytest.mark.parametrize("raw", ["0", "false", "No", " OFF "])
def test_env_bool_reads_no(env, raw):
    env(raw)
    assert env_bool(NAME, True) is False


@pytest.mark.parametrize("raw", [None, "", "   "])
@pytest.mark.parametrize("default", [True, False])
def test_env_bool_unset_or_blank_is_the_default(env, raw, default):
    env(raw)
    assert env_bool(NAME, default) is default


def test_env_bool_refuses_anything_else_and_says_what_it_takes(env):
    env("maybe")
    with pytest.raises(ImproperlyConfigured) as error:
        env_bool(NAME, True)
    assert str(error.value) == (
        "PORTAL_TEST_VALUE='maybe' is not a yes/no value. "
        "Use one of: 1, on, true, yes or 0, false, no, off."
    )


# env_int


@pytest.mark.parametrize(("raw", "value"), [(None, 7), ("", 7), (" 42 ", 42), ("1", 1)])
def test_env_int_reads_a_whole_number_or_the_default(env, raw, value):
    env(raw)
    assert env_int(NAME, 7, minimum=1) == value


@pytest.mark.parametrize("raw", ["4.5", "ten", "1e3"])
def test_env_int_refuses_what_is_not_a_whole_number(env, raw):
    env(raw)
    with pytest.raises(ImproperlyConfigured) as error:
        env_int(NAME, 7)
    assert str(error.value) == f"PORTAL_TEST_VALUE={raw!r} is not a whole number."


def test_env_int_refuses_a_number_under_its_minimum(env):
    env("0")
    with pytest.raises(ImproperlyConfigured) as error:
        env_int(NAME, 7, minimum=1)
    assert str(error.value) == "PORTAL_TEST_VALUE='0' must be at least 1."


def test_env_int_takes_no_negative_number_by_default(env):
    env("-5")
    with pytest.raises(ImproperlyConfigured, match="must be at least 0"):
        env_int(NAME, 7)


# env_list


def test_env_list_splits_on_commas_and_drops_blanks(env):
    env(" portal.example , www.portal.example,, ")
    assert env_list(NAME) == ["portal.example", "www.portal.example"]


@pytest.mark.parametrize("raw", [None, "", "  "])
def test_env_list_unset_is_a_copy_of_the_default(env, raw):
    env(raw)
    default = ["a.example"]
    value = env_list(NAME, default)
    assert value == ["a.example"]
    value.append("b.example")
    assert default == ["a.example"]
    assert env_list(NAME) == []


# env_time_zone


@pytest.mark.parametrize(
    ("raw", "value"), [(None, "America/Toronto"), ("Europe/Paris", "Europe/Paris")]
)
def test_env_time_zone_reads_a_known_zone(env, raw, value):
    env(raw)
    assert env_time_zone(NAME, "America/Toronto") == value


def test_env_time_zone_refuses_an_unknown_zone(env):
    env("Mars/Olympus")
    with pytest.raises(ImproperlyConfigured) as error:
        env_time_zone(NAME, "America/Toronto")
    assert str(error.value) == (
        "PORTAL_TEST_VALUE='Mars/Olympus' is not a known time zone (for example America/Toronto)."
    )


# env_cache

LOCMEM = "django.core.cache.backends.locmem.LocMemCache"
REDIS = "django.core.cache.backends.redis.RedisCache"


@pytest.mark.parametrize(
    ("raw", "cache"),
    [
        (None, {"BACKEND": LOCMEM, "LOCATION": "portal"}),
        ("", {"BACKEND": LOCMEM, "LOCATION": "portal"}),
        ("locmem://", {"BACKEND": LOCMEM, "LOCATION": "portal"}),
        ("locmem://rates", {"BACKEND": LOCMEM, "LOCATION": "rates"}),
        ("redis://127.0.0.1:6379/0", {"BACKEND": REDIS, "LOCATION": "redis://127.0.0.1:6379/0"}),
        (
            "rediss://cache.example:6380/1",
            {"BACKEND": REDIS, "LOCATION": "rediss://cache.example:6380/1"},
        ),
    ],
)
def test_env_cache_reads_a_cache_url(env, raw, cache):
    env(raw)
    assert env_cache(NAME) == cache


@pytest.mark.parametrize("raw", ["memcached://127.0.0.1:11211", "127.0.0.1:6379", "redis"])
def test_env_cache_refuses_what_is_not_a_cache_url(env, raw):
    env(raw)
    with pytest.raises(ImproperlyConfigured) as error:
        env_cache(NAME)
    assert str(error.value) == (
        f"PORTAL_TEST_VALUE={raw!r} is not a cache URL. Use redis://host:6379/0 (or rediss://) "
        "or locmem:// for a cache inside each process."
    )


# The settings module


def test_settings_refuse_a_malformed_boolean(fresh_settings):
    with pytest.raises(ImproperlyConfigured, match="DJANGO_DEBUG='maybe' is not a yes/no value"):
        fresh_settings(DJANGO_DEBUG="maybe")


def test_settings_refuse_an_unknown_time_zone(fresh_settings):
    with pytest.raises(ImproperlyConfigured, match="'Mars/Olympus' is not a known time zone"):
        fresh_settings(DJANGO_DEBUG="true", DJANGO_TIME_ZONE="Mars/Olympus")


SHARED_DATABASE = "postgres://portal@db.example:5432/portal"


def test_settings_refuse_a_shared_database_without_a_secret_key(fresh_settings):
    with pytest.raises(ImproperlyConfigured, match="DJANGO_SECRET_KEY must be set when the"):
        fresh_settings(DJANGO_DEBUG="false", DATABASE_URL=SHARED_DATABASE)


def test_production_settings_take_the_secret_key_and_hosts_given(fresh_settings):
    settings = fresh_settings(
        DJANGO_DEBUG="false",
        DJANGO_SECRET_KEY="x" * 60,
        DJANGO_ALLOWED_HOSTS="portal.example",
        DATABASE_URL=SHARED_DATABASE,
    )
    assert settings.DEBUG is False
    assert settings.SECRET_KEY == "x" * 60
    assert settings.ALLOWED_HOSTS == ["portal.example"]


def test_with_nothing_set_debug_is_off_on_the_embedded_database(fresh_settings, tmp_path):
    # The embedded default, as a server started with no configuration at all runs it (only
    # where its database file goes is chosen here, to keep the checkout clean).
    settings = fresh_settings(DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}")
    assert settings.DEBUG is False
    assert settings.DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3"
    assert len(settings.SECRET_KEY) >= 50


def test_the_embedded_database_keeps_one_secret_key_beside_it_for_every_process(
    fresh_settings, tmp_path
):
    database = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    first = fresh_settings(DATABASE_URL=database).SECRET_KEY
    again = fresh_settings(DATABASE_URL=database).SECRET_KEY
    key_file = tmp_path / ".secret-key"
    assert first == again == key_file.read_text()
    assert key_file.stat().st_mode & 0o777 == 0o600
    assert [path.name for path in tmp_path.iterdir()] == [".secret-key"]
    # Another install, another key.
    (tmp_path / "other").mkdir()
    other = fresh_settings(DATABASE_URL=f"sqlite:///{tmp_path / 'other' / 'db.sqlite3'}")
    assert first != other.SECRET_KEY


def test_processes_starting_together_on_a_new_install_sign_with_one_key(tmp_path):
    # Threads stand in for the processes: the race is the file system's either way.
    key_file = tmp_path / ".secret-key"
    together = threading.Barrier(8)

    def start(_):
        together.wait()
        return secret_key_file(key_file)

    with ThreadPoolExecutor(8) as pool:
        keys = set(pool.map(start, range(8)))
    assert keys == {key_file.read_text()}
    assert [path.name for path in tmp_path.iterdir()] == [".secret-key"]


@pytest.mark.parametrize(("asked", "debug"), [("true", True), ("1", True), ("false", False)])
def test_debug_is_on_only_when_asked_for(fresh_settings, asked, debug):
    settings = fresh_settings(
        DJANGO_DEBUG=asked, DJANGO_SECRET_KEY="x" * 60, DJANGO_ALLOWED_HOSTS="portal.example"
    )
    assert settings.DEBUG is debug


def test_manage_py_with_nothing_set_runs_on_the_embedded_database():
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.pop("DATABASE_URL", None)
    result = subprocess.run(  # noqa: S603 - fixed command, our own interpreter
        [sys.executable, "manage.py", "makemigrations", "--check", "--dry-run"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "No changes detected" in result.stdout


def test_manage_py_on_a_shared_database_without_a_secret_key_says_why_and_how():
    # The one real start-up refused: Django itself, in a process of its own, stops with the
    # message. (tests/security/test_deploy_check.py starts one with production settings.)
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(DATABASE_URL=SHARED_DATABASE)
    result = subprocess.run(  # noqa: S603 - fixed command, our own interpreter
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert "DJANGO_SECRET_KEY must be set when the database is shared" in result.stderr
    assert "DJANGO_DEBUG=true is enough" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("raw", "tasks", "rq_queues"),
    [
        (
            None,
            {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["portal"]},
            {},
        ),
        (
            "database",
            {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["portal"]},
            {},
        ),
        (
            "redis://10.0.0.5:6379/3",
            {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["portal"]},
            {
                "portal": {
                    "URL": "redis://10.0.0.5:6379/3?socket_connect_timeout=2&socket_timeout=5",
                    "DEFAULT_TIMEOUT": 300,
                }
            },
        ),
        (
            "rediss://queue.example:6380/0?socket_timeout=9",
            {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["portal"]},
            {
                "portal": {
                    "URL": "rediss://queue.example:6380/0?socket_timeout=9&socket_connect_timeout=2",
                    "DEFAULT_TIMEOUT": 300,
                }
            },
        ),
    ],
)
def test_env_tasks_picks_the_queue_from_one_variable(env, raw, tasks, rq_queues):
    env(raw)
    assert env_tasks(NAME, queue="portal") == ({"default": tasks}, rq_queues)


@pytest.mark.parametrize("raw", ["db", "amqp://127.0.0.1:5672", "redis"])
def test_env_tasks_refuses_what_is_not_a_task_queue(env, raw):
    env(raw)
    with pytest.raises(ImproperlyConfigured) as error:
        env_tasks(NAME, queue="portal")
    assert "is not a task queue" in str(error.value)


def test_a_queue_name_the_database_queue_cannot_hold_is_refused(env):
    env(None)
    with pytest.raises(ImproperlyConfigured):
        env_tasks(NAME, queue="q" * 33)
