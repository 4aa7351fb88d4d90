# os-metal: OperatingSystemConfig → user data (extensions/GardenerMetal.OsConfig).
OS_HOST_PROJECT := extensions/GardenerMetal.OsMetal.Host
OS_HOST_DLL     := $(OS_HOST_PROJECT)/bin/Release/net10.0/GardenerMetal.OsMetal.Host.dll
OS_BENCH        := tests/GardenerMetal.OsConfig.Benchmarks
FORMAT ?=

.PHONY: render bench-os

render: ## print the user data for OSC=<file> [FORMAT=ignition|cloud-init]
	@test -n "$(OSC)" || { echo "usage: make render OSC=<osc.yaml> [FORMAT=ignition|cloud-init]" >&2; exit 2; }
	@out=$$($(DOTNET) build $(OS_HOST_PROJECT) -c Release -nologo -v q 2>&1) || { echo "$$out" >&2; exit 1; }
	@$(DOTNET) $(OS_HOST_DLL) render --osc "$(OSC)" $(if $(FORMAT),--format "$(FORMAT)")

BENCH_TARGETS += bench-os
bench-os: ## OSC translation benchmark (BenchmarkDotNet short run) → .local/bench/os.txt
	@mkdir -p $(LOCAL)/bench
	$(DOTNET) run -c Release --project $(OS_BENCH) -- --job short --filter '*' --memory --artifacts $(LOCAL)/bench/os-artifacts | tee $(LOCAL)/bench/os-run.log
	@cat $(LOCAL)/bench/os-artifacts/results/*-report-github.md > $(LOCAL)/bench/os.txt
	@grep '^FIGURE' $(LOCAL)/bench/os-run.log >> $(LOCAL)/bench/os.txt
	@echo "written $(LOCAL)/bench/os.txt"
