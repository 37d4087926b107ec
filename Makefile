# Two commands for a newcomer: `make run` and `make test`. Everything else is a helper.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
# Test processes in parallel (pytest-xdist); "auto" = one per core.
TEST_WORKERS ?= auto

.PHONY: run test install static demo logins serve worker lint format check ci-checks bench clean

## run: install, migrate, load the demo data and serve http://127.0.0.1:8000 on SQLite
run: install static
	$(MANAGE) migrate --noinput
	$(MANAGE) load_demo_data
	@$(MANAGE) demo_logins
	@echo ""
	@echo "  The portal is at http://$(HOST):$(PORT)/  (admin and editing: http://$(HOST):$(PORT)/admin/)"
	@echo ""
	$(MANAGE) runserver $(HOST):$(PORT)

## test: the whole suite (browser tests skip when Chromium is missing, unless REQUIRE_BROWSER=1)
test: install static
	$(BIN)/pytest -n $(TEST_WORKERS) $(PYTEST_ARGS)

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet '.[dev]'
	touch $@

## static: USWDS from npm, copied into static/vendor (never committed)
static: static/vendor/uswds/.built

static/vendor/uswds/.built: package.json package-lock.json scripts/copy-uswds.mjs
	npm ci --no-audit --no-fund --loglevel=error
	npm run --silent build
	touch $@

demo: install
	$(MANAGE) migrate --noinput
	$(MANAGE) load_demo_data

logins: install
	@$(MANAGE) demo_logins

## serve: production settings under gunicorn on 127.0.0.1:8000 (reads .env if present;
## plain http on loopback, so SECURE_SSL_REDIRECT defaults to false here)
serve: install static
	set -a; [ -f .env ] && . ./.env; set +a; \
	export DJANGO_SETTINGS_MODULE=portal.settings.production; \
	export SECRET_KEY=$${SECRET_KEY:-$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(50))')}; \
	export ALLOWED_HOSTS=$${ALLOWED_HOSTS:-127.0.0.1,localhost}; \
	export GUNICORN_BIND=$${GUNICORN_BIND:-127.0.0.1:8000}; \
	export WAGTAILADMIN_BASE_URL=$${WAGTAILADMIN_BASE_URL:-http://$$GUNICORN_BIND}; \
	export SECURE_SSL_REDIRECT=$${SECURE_SSL_REDIRECT:-false}; \
	$(MANAGE) collectstatic --noinput --verbosity 0 && \
	$(MANAGE) migrate --noinput && \
	$(BIN)/gunicorn -c gunicorn.conf.py portal.wsgi:application

## worker: the background task worker for production (django-tasks database backend)
worker: install
	DJANGO_SETTINGS_MODULE=portal.settings.production $(MANAGE) db_worker

lint: install
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

## ci-checks: the gates CI runs besides the tests
ci-checks: lint
	$(MANAGE) check
	$(MANAGE) makemigrations --check --dry-run

## bench: neighborhood page vs static file under gunicorn on PostgreSQL (dmi_bench) + Redis
bench: install static
	$(BIN)/python bench/public_pages.py $(BENCH_ARGS)

clean:
	rm -rf $(VENV) node_modules static/vendor staticfiles .pytest_cache
