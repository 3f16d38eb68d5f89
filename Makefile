# The two commands the README promises:
#   make demo   set up, load the demo data and run the portal at http://127.0.0.1:8000, with
#               its worker and scheduler (Ctrl-C stops all three)
#   make test   run the test suite (SQLite; set DATABASE_URL for PostgreSQL)

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
# Debug is off unless asked for (clinic/settings.py): the commands for a checkout ask for it.
DEV := DJANGO_DEBUG=true
# The demo server's port: make demo DEMO_PORT=8001 when 8000 is taken.
DEMO_PORT ?= 8000
PIP := $(VENV)/bin/pip

.PHONY: demo test install lint format check clean css

$(VENV)/.installed: requirements.txt requirements-dev.txt
	$(PYTHON) -c 'import sys; sys.exit("Python 3.11 or newer is needed") if sys.version_info < (3, 11) else None'
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -r requirements-dev.txt
	touch $@

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund

# The portal's stylesheet: Bootstrap compiled from its Sass sources (assets/), then only
# the selectors the templates and forms use (purgecss.config.cjs). Built, not committed:
# rebuilt whenever a template, a form or the sources change, so a class added to a template
# is never missing from it. Served by whitenoise (hashed name, compressed).
CSS := static/build/portal-bootstrap.css
CSS_INPUTS := $(shell find templates clinic education patients -name '*.html' -o -name '*.py' 2>/dev/null)
$(CSS): assets/portal-bootstrap.scss purgecss.config.cjs $(CSS_INPUTS) node_modules/.package-lock.json $(VENV)/.installed
	@mkdir -p .build static/build
	node_modules/.bin/sass --load-path=node_modules --no-source-map --style=compressed \
		--quiet-deps --silence-deprecation=import --silence-deprecation=global-builtin \
		--silence-deprecation=color-functions --silence-deprecation=if-function \
		assets/portal-bootstrap.scss .build/portal-bootstrap.css
	node_modules/.bin/purgecss --config purgecss.config.cjs
	@printf 'CSS: %s bytes (Bootstrap compiled: %s)\n' "$$(wc -c < $@)" "$$(wc -c < .build/portal-bootstrap.css)"

css: $(CSS)

install: $(VENV)/.installed node_modules/.package-lock.json $(CSS)

# The demo's emails are files in sent-emails/ (one per email), unless the environment says
# otherwise (DJANGO_EMAIL_BACKEND, DJANGO_EMAIL_FILE_PATH).
demo: export DJANGO_EMAIL_BACKEND ?= django.core.mail.backends.filebased.EmailBackend
demo: install
	$(DEV) $(PY) manage.py migrate --noinput
	$(DEV) $(PY) manage.py demo
	@echo "Emails: $${DJANGO_EMAIL_FILE_PATH:-sent-emails/} ($$DJANGO_EMAIL_BACKEND)"
	@# The web server, the worker and the scheduler together; Ctrl-C (or any of them ending)
	@# stops all three.
	@trap 'kill $$worker $$scheduler 2>/dev/null; wait' EXIT INT TERM; \
	$(DEV) $(PY) manage.py worker & worker=$$!; \
	$(DEV) $(PY) manage.py scheduler & scheduler=$$!; \
	$(DEV) $(PY) manage.py runserver 127.0.0.1:$(DEMO_PORT)

test: install
	$(VENV)/bin/pytest

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

check: install
	$(DEV) $(PY) manage.py makemigrations --check --dry-run
	$(DEV) $(PY) manage.py check --fail-level WARNING

clean:
	rm -rf $(VENV) node_modules staticfiles .build static/build

# Translations (needs GNU gettext: apt-get install gettext). Refreshes locale/fr/.../django.po
# from the code, then compiles django.mo; commit both, so a fresh clone needs no gettext.
.PHONY: messages
messages: install
	$(DEV) $(PY) manage.py makemessages -l fr --ignore=$(VENV) --ignore=node_modules --ignore=staticfiles --no-obsolete
	$(DEV) $(PY) manage.py compilemessages -l fr --ignore=$(VENV)
