# Admission webhook (issue 5): local run and benchmark.
ADMISSION_PORT ?= 0
ADMISSION_EMULATOR_PORT ?= 0

.PHONY: admission bench-admission

admission: ## admission webhook on loopback, Kubernetes API emulator as garden API (sample CloudProfile, Shoot CRD, webhook configs); writes .local/admission.env; Ctrl-C stops
	@mkdir -p $(LOCAL)
	$(DOTNET) run --project hack/GardenerMetal.AdmissionLocal -c Release -- --dir $(LOCAL) --port $(ADMISSION_PORT) --emulator-port $(ADMISSION_EMULATOR_PORT)

BENCH_TARGETS += bench-admission

bench-admission: ## admission webhook load test (h2load over TLS); figures in .local/bench/admission.txt
	$(DOTNET) build tests/GardenerMetal.Admission.Benchmarks -c Release -nologo -v quiet
	mkdir -p $(LOCAL)/bench
	$(DOTNET) tests/GardenerMetal.Admission.Benchmarks/bin/Release/net10.0/GardenerMetal.Admission.Benchmarks.dll $(LOCAL)/bench/admission.txt $(ADMISSION_BENCH_REQUESTS) $(ADMISSION_BENCH_CLIENTS)
