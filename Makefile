# Two commands matter on a fresh machine with only python3: `make demo` and `make test`.
SHELL := /bin/bash
.DEFAULT_GOAL := help

UV := $(shell command -v uv 2>/dev/null || echo "python3 -m uv")
RUN := $(UV) run --frozen
export DAGSTER_HOME ?= $(CURDIR)/.dagster_home
export IOC_DATA_DIR ?= $(CURDIR)/data

.PHONY: help uv env prepare demo test ui docs report clean

help:
	@echo "make demo   - install, simulate every departmental system, ingest, dbt build, check, publish"
	@echo "make test   - the whole test suite"
	@echo "make ui     - Dagster UI on http://127.0.0.1:3000"
	@echo "make docs   - build and serve the Great Expectations Data Docs"
	@echo "make report - audit report of a publication (PUBLICATION=<id>, default latest)"

uv:
	@command -v uv >/dev/null 2>&1 || python3 -m uv --version >/dev/null 2>&1 || python3 -m pip install --quiet uv

env: uv
	$(UV) sync --frozen
	@mkdir -p $(DAGSTER_HOME) && cp -n orchestration/dagster_home/dagster.yaml $(DAGSTER_HOME)/dagster.yaml

# The dbt manifest is a build artefact: the code location loads it, never parses dbt at import.
prepare: env
	cd dbt_project && IOC_BUILD_DB=$(IOC_DATA_DIR)/warehouse/build.duckdb IOC_LANDING_DIR=$(IOC_DATA_DIR)/landing $(RUN) dbt parse --quiet

demo: prepare
	$(RUN) python -m orchestration.demo

test: prepare
	$(RUN) pytest -q

ui: prepare
	$(RUN) python -m orchestration.ui

docs: env
	$(RUN) python -m expectations.data_docs --serve

report: env
	$(RUN) python -m orchestration.audit_report --publication $(or $(PUBLICATION),latest)

# Benchmarks (issue 7): ratios on this machine, see docs/performance.md. SCALE=small|month|year, REPEAT=N
bench: prepare
	$(RUN) python -m benchmarks --scale $(or $(SCALE),small) $(if $(REPEAT),--repeat $(REPEAT))

clean:
	rm -rf data .dagster_home dbt_project/target
