# GardenerMetal — entry points. Each area adds its own targets in hack/make/<area>.mk.
SHELL := /bin/bash
.DEFAULT_GOAL := help
DOTNET ?= dotnet
LOCAL  := .local
export DOTNET_CLI_TELEMETRY_OPTOUT := 1
export DOTNET_NOLOGO := 1

# Each hack/make/<area>.mk appends its benchmark target to BENCH_TARGETS.
BENCH_TARGETS :=

.PHONY: help build test bench up clean

help: ## list the targets
	@grep -hE '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | sort | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

build: ## build the whole solution
	$(DOTNET) build GardenerMetal.sln -nologo -v minimal

test: ## build and run every test project; prints "tests: N passed, N failed"
	bash hack/run-tests.sh

clean: ## remove build output and .local/
	rm -rf $(LOCAL) && find . -type d \( -name bin -o -name obj \) -prune -exec rm -rf {} +

-include hack/make/*.mk

bench: $(BENCH_TARGETS) ## run every benchmark; figures land in .local/bench/
	@echo "benchmarks done: $(BENCH_TARGETS)"

up: local-up ## the main job: one shoot up end to end on the local seed (emulator, metal-api simulator, all deployables) until Ctrl-C
