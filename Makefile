# Power PTO — the two commands a fresh machine needs are `make run` and `make test`.
SHELL := /bin/bash
.DEFAULT_GOAL := help

JAR        := backend/target/power-pto.jar
DATA_DIR   ?= $(CURDIR)/.data/postgres
PORT       ?= 8000
MVN        := mvn -B -q -f backend/pom.xml

.PHONY: openapi help run test test-backend test-frontend test-infra test-e2e build backend-jar frontend-build clean reconcile bench

help:
	@echo "make run        start API + worker + UI on an embedded PostgreSQL 17 with demo data (http://localhost:$(PORT))"
	@echo "make test       run every test (backend, frontend units, infrastructure checks, browser end-to-end)"
	@echo "make reconcile  compare every balance snapshot with its ledger (local database)"
	@echo "make bench      run the benchmarks in bench/"
	@echo "make openapi    regenerate docs/api/openapi.json from the code"
	@echo "make clean      remove build outputs and the local database ($(DATA_DIR))"

frontend/node_modules: frontend/package-lock.json
	cd frontend && npm ci --no-audit --no-fund
	@touch frontend/node_modules

frontend-build: frontend/node_modules
	cd frontend && npm run build

backend-jar:
	$(MVN) -DskipTests package

build: frontend-build backend-jar

run: build
	ENVIRONMENT=development PTO_DATA_DIR=$(DATA_DIR) PTO_EMBEDDED_PG_PORT=$${PTO_EMBEDDED_PG_PORT:-54329} PORT=$(PORT) \
	  java -jar $(JAR) all --pto.ui.directory=$(CURDIR)/frontend/dist

# Migrates first: on a fresh checkout (no local database yet, e.g. right after `make bench`, which
# keeps its own database apart) there is no schema to compare, and an older local database gets the
# migrations `make run` would apply anyway. Forward-only, so a second run changes nothing.
reconcile: backend-jar
	ENVIRONMENT=development PTO_DATA_DIR=$(DATA_DIR) PTO_EMBEDDED_PG_PORT=$${PTO_EMBEDDED_PG_PORT:-54329} java -jar $(JAR) migrate
	ENVIRONMENT=development PTO_DATA_DIR=$(DATA_DIR) PTO_EMBEDDED_PG_PORT=$${PTO_EMBEDDED_PG_PORT:-54329} java -jar $(JAR) reconcile

# One id per test run: every process the run starts inherits it, so the check after each suite
# finds the PostgreSQL servers and temp data directories this run left behind (and only those).
TEST_TARGETS := test test-backend test-infra test-e2e
$(TEST_TARGETS): export PTO_RUN_ID := $(or $(PTO_RUN_ID),$(shell date +%Y%m%d%H%M%S)-$(shell echo $$PPID))
NO_POSTGRES_LEFT = bash infra/check/no-postgres-left.sh

test: test-backend test-frontend test-infra test-e2e
	@$(NO_POSTGRES_LEFT) "make test"
	@echo "make test: all suites passed"

test-backend:
	mvn -B -ntp -f backend/pom.xml verify
	@$(NO_POSTGRES_LEFT) "the backend tests"

test-frontend: frontend/node_modules
	cd frontend && npm test && npm run build && npm run size

test-infra:
	bash infra/check/run.sh
	@$(NO_POSTGRES_LEFT) "the infrastructure checks"

test-e2e: build
	bash frontend/e2e/run-against-server.sh
	@$(NO_POSTGRES_LEFT) "the browser tests"

openapi:
	ENVIRONMENT=development $(MVN) test -Dtest=OpenApiDocumentTest -Dopenapi.write=true -Dsurefire.failIfNoSpecifiedTests=false

bench: build
	bash bench/run.sh

clean:
	rm -rf .data backend/target frontend/dist frontend/e2e/artifacts
