# Kent konseyi platform. `make help` lists the targets.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
# manage.py defaults to the dev settings; the test targets name the test settings
# explicitly, so that a DJANGO_SETTINGS_MODULE in the caller's environment cannot leak in.
TEST_SETTINGS := cms.settings.test
# Test processes (pytest-xdist): one per core by default; PYTEST_WORKERS=0 runs in one process.
# Tests are handed out in pytest-django's order, so in each process the tests that empty
# the database (transactional ones) still come after those that need its migrated rows.
PYTEST_WORKERS ?= auto
PYTEST_PARALLEL = -n $(PYTEST_WORKERS) --dist load

.DEFAULT_GOAL := help
.PHONY: help install install-dev run demo worker test test-browser lint format check messages compilemessages clean

help: ## List the targets
	@grep -hE '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  \033[1m%-16s\033[0m %s\n", $$1, $$2}'

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is required (Python 3.11+ gerekli)")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	@touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e ".[dev]"
	@touch $@ $(VENV)/.installed

install: $(VENV)/.installed ## Create the virtual environment and install the site

install-dev: $(VENV)/.installed-dev ## Install the site with the development and test tools

demo: install ## Migrate and load the Turkish demo content (safe to run again)
	$(BIN)/python manage.py migrate --no-input
	$(BIN)/python manage.py load_demo

run: demo ## Set up, load the demo content and serve the site at http://127.0.0.1:$(PORT)/
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

worker: install ## Run the background worker that sends the e-mail alerts (next to `make run`)
	$(BIN)/python manage.py db_worker

test: install-dev ## Set up and run every check and the whole test suite
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	DJANGO_SETTINGS_MODULE=$(TEST_SETTINGS) $(BIN)/python manage.py check
	DJANGO_SETTINGS_MODULE=$(TEST_SETTINGS) $(BIN)/python manage.py makemigrations --check --dry-run
	DJANGO_SETTINGS_MODULE=$(TEST_SETTINGS) $(BIN)/python -m pytest $(PYTEST_PARALLEL) $(PYTEST_ARGS)

test-browser: install-dev ## Run only the browser tests (Chromium)
	DJANGO_SETTINGS_MODULE=$(TEST_SETTINGS) $(BIN)/python -m pytest -m browser $(PYTEST_PARALLEL) $(PYTEST_ARGS)

lint: install-dev ## Check the code with ruff and the layers' import contract
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

format: install-dev ## Format the code with ruff
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

messages: install-dev ## Update the translation catalogues (needs GNU gettext)
	$(BIN)/python manage.py makemessages -l tr -l en --no-obsolete \
		--ignore '$(VENV)/*' --ignore 'tests/*' --ignore 'staticfiles/*' --ignore 'media/*'
	$(MAKE) compilemessages

compilemessages: install-dev ## Compile the translation catalogues (needs GNU gettext)
	$(BIN)/python manage.py compilemessages --ignore '.venv'

clean: ## Remove the virtual environment, the SQLite database and caches
	rm -rf $(VENV) db.sqlite3 .pytest_cache .ruff_cache staticfiles
