# Admission webhook (issue 5): benchmark and local run.
BENCH_TARGETS += bench-admission

.PHONY: bench-admission
bench-admission: ## admission webhook load test (h2load over TLS); figures in .local/bench/admission.txt
	$(DOTNET) build tests/GardenerMetal.Admission.Benchmarks -c Release -nologo -v quiet
	mkdir -p $(LOCAL)/bench
	$(DOTNET) tests/GardenerMetal.Admission.Benchmarks/bin/Release/net10.0/GardenerMetal.Admission.Benchmarks.dll $(LOCAL)/bench/admission.txt $(ADMISSION_BENCH_REQUESTS) $(ADMISSION_BENCH_CLIENTS)
