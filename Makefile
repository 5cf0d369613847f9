# Two entry points that work on a fresh machine with only Python and make:
#   make demo   set up .venv, install psed, check the example assessment
#   make test   set up .venv with the test tools, then ruff, mypy --strict and the whole suite
#   make form-service   set up .venv and run the example GOV.UK form service on 127.0.0.1:8000
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
AS_OF ?= 2026-11-26

.PHONY: demo form-service test lint typecheck pytest coverage docs bench clean locale

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.demo-installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.test-installed: pyproject.toml tests/plugin_pkg/pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test,docs,bench,render,import,audit,form-service]' -e tests/plugin_pkg
	touch $@

demo: $(VENV)/.demo-installed
	@# psed exits 1 when it finds failing gaps, as the seed assessment has: that is the demo.
	$(BIN)/psed check examples/customer-access-strategy.yaml --as-of $(AS_OF); \
	  status=$$?; [ $$status -le 1 ]

$(VENV)/.service-installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[form-service,render]'
	touch $@

form-service: $(VENV)/.service-installed
	$(BIN)/python -m examples.form_service --port $${PORT:-8000}

lint: $(VENV)/.test-installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(VENV)/.test-installed
	$(BIN)/mypy

pytest: $(VENV)/.test-installed
	$(BIN)/pytest

test: lint typecheck pytest

# The whole suite under coverage.py, with a line-and-branch report of src/psed.
coverage: $(VENV)/.test-installed
	rm -f .coverage .coverage.*
	$(BIN)/coverage run -m pytest -q -p no:cacheprovider
	$(BIN)/coverage combine -q
	$(BIN)/coverage report

# Update the message catalogues from the code (new messages added, gone ones dropped)
# and compile them; translate what is new in src/psed/locale/cy/LC_MESSAGES/psed.po,
# then run it again.
locale: $(VENV)/.test-installed
	$(BIN)/python -m psed._babel update compile check

docs: $(VENV)/.test-installed
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict --site-dir site

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache .hypothesis site .coverage .coverage.*
