# Every target works on a fresh machine: it installs the toolchain and dependencies first.
SHELL := /bin/bash
.SHELLFLAGS := -eo pipefail -c
ENV := source scripts/node-env.sh &&
YARN := node .yarn/releases/yarn-4.13.0.cjs

.PHONY: setup start backend test e2e bench tsc lint

setup:
	@$(ENV) scripts/setup.sh

start: setup
	$(ENV) $(YARN) start

backend: setup
	$(ENV) $(YARN) start:backend

test: setup
	$(ENV) scripts/test.sh

e2e: setup
	$(ENV) scripts/e2e.sh

bench: setup
	$(ENV) scripts/bench.sh

tsc: setup
	$(ENV) $(YARN) tsc

lint: setup
	$(ENV) $(YARN) lint:all
