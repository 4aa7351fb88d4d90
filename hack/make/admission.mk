# Admission webhook (issue 5): local run and benchmark.
ADMISSION_PORT ?= 0
ADMISSION_EMULATOR_PORT ?= 0

.PHONY: admission bench-admission

# Its own directory: `make up` owns .local/admission/ (a running webhook hot-reloads its certificate from there).
admission: ## admission webhook on loopback, Kubernetes API emulator as garden API (sample CloudProfile, Shoot CRD, webhook configs); writes .local/admission-local/admission.env; Ctrl-C stops
	@mkdir -p $(LOCAL)/admission-local
	$(DOTNET) run --project hack/GardenerMetal.AdmissionLocal -c Release -- --dir $(LOCAL)/admission-local --port $(ADMISSION_PORT) --emulator-port $(ADMISSION_EMULATOR_PORT)

BENCH_TARGETS += bench-admission

bench-admission: ## admission webhook load test (h2load over TLS); figures in .local/bench/admission.txt
	$(DOTNET) build tests/GardenerMetal.Admission.Benchmarks -c Release -nologo -v quiet
	mkdir -p $(LOCAL)/bench
	$(DOTNET) tests/GardenerMetal.Admission.Benchmarks/bin/Release/net10.0/GardenerMetal.Admission.Benchmarks.dll $(LOCAL)/bench/admission.txt $(or $(ADMISSION_BENCH_REQUESTS),20000) $(or $(ADMISSION_BENCH_CLIENTS),4) $(or $(ADMISSION_BENCH_ROUNDS),3)
