# os-metal: OperatingSystemConfig → user data (extensions/GardenerMetal.OsConfig).
OS_HOST_PROJECT := extensions/GardenerMetal.OsMetal.Host
OS_HOST_DLL     := $(OS_HOST_PROJECT)/bin/Release/net10.0/GardenerMetal.OsMetal.Host.dll
OS_BENCH        := tests/GardenerMetal.OsConfig.Benchmarks
FORMAT ?=
IGNITION_VERSION ?=

.PHONY: render bench-os os-run

render: ## print the user data for OSC=<file> [FORMAT=ignition|cloud-init] [IGNITION_VERSION=2.3.0 (default)|3.3.0]
	@test -n "$(OSC)" || { echo "usage: make render OSC=<osc.yaml> [FORMAT=ignition|cloud-init] [IGNITION_VERSION=2.3.0|3.3.0]" >&2; exit 2; }
	@out=$$($(DOTNET) build $(OS_HOST_PROJECT) -c Release -nologo -v q 2>&1) || { echo "$$out" >&2; exit 1; }
	@$(DOTNET) $(OS_HOST_DLL) render --osc "$(OSC)" $(if $(FORMAT),--format "$(FORMAT)") $(if $(IGNITION_VERSION),--ignition-version "$(IGNITION_VERSION)")

OS_KUBECONFIG ?= $(LOCAL)/kubeconfig
OS_NAMESPACE  ?= default
os-run: ## run the os-metal OSC controller against OS_KUBECONFIG (default: .local/kubeconfig of `make seed`) [OS_TYPES=metal,debian,ubuntu] [OS_IGNITION_VERSIONS="metal=2.3.0 ..."]
	$(DOTNET) run --project $(OS_HOST_PROJECT) -c Release -- --controllers=operatingsystemconfig $(if $(OS_TYPES),--osc-types $(OS_TYPES)) \
	  $(foreach v,$(OS_IGNITION_VERSIONS),--ignition-version $(v)) \
	  --kubeconfig $(OS_KUBECONFIG) --namespace $(OS_NAMESPACE) --health-bind-address 127.0.0.1:8082

BENCH_TARGETS += bench-os
bench-os: ## OSC translation benchmark (BenchmarkDotNet short run) → .local/bench/os.txt
	@mkdir -p $(LOCAL)/bench
	$(DOTNET) run -c Release --project $(OS_BENCH) -- --job short --filter '*' --memory --artifacts $(LOCAL)/bench/os-artifacts | tee $(LOCAL)/bench/os-run.log
	@cat $(LOCAL)/bench/os-artifacts/results/*-report-github.md > $(LOCAL)/bench/os.txt
	@grep '^FIGURE' $(LOCAL)/bench/os-run.log >> $(LOCAL)/bench/os.txt
	@echo "written $(LOCAL)/bench/os.txt"
