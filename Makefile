# Every target works on a fresh machine: it installs the toolchain and dependencies first.
SHELL := /bin/bash
.SHELLFLAGS := -eo pipefail -c
ENV := source scripts/node-env.sh &&
YARN := node .yarn/releases/yarn-4.13.0.cjs

.PHONY: setup local-repo local-repo-reset start backend test e2e bench tsc lint adopter

setup:
	@$(ENV) scripts/setup.sh

# The example system's git repository (.stageline/local-repo), which stands in for GitHub while
# no token is configured: created when missing, kept otherwise; local-repo-reset recreates it.
local-repo: setup
	@$(ENV) node scripts/local-repo.mjs

local-repo-reset: setup
	@$(ENV) node scripts/local-repo.mjs --reset

start: local-repo
	$(ENV) $(YARN) start

backend: local-repo
	$(ENV) $(YARN) start:backend

test: setup
	$(ENV) scripts/test.sh

e2e: setup
	$(ENV) scripts/e2e.sh

bench: setup
	$(ENV) scripts/bench.sh

tsc: setup
	$(ENV) $(YARN) tsc

# The API reports (report*.api.md, see CONTRIBUTING.md) must match the code: scripts/api-reports.sh
# --ci compiles the declarations afresh (~1 min) and compares.
lint: setup
	$(ENV) $(YARN) lint:all
	$(ENV) $(YARN) prettier --check .
	$(ENV) scripts/api-reports.sh --ci

# Stageline packed and installed into a fixture Backstage app outside the workspace (adopter/);
# `make test` runs it too.
adopter: setup
	$(ENV) scripts/adopter-check.sh
