# ControlPlane controller (issue 14): render benchmark.
BENCH_TARGETS += bench-controlplane

.PHONY: bench-controlplane

bench-controlplane: ## one shoot's three ControlPlane ManagedResources rendered on one core (target >= 1,000/s) -> .local/bench/controlplane.txt
	@mkdir -p $(LOCAL)/bench
	taskset -c 0 $(DOTNET) run --project tests/GardenerMetal.ControlPlane.Benchmarks -c Release -- --seconds 5 --out $(LOCAL)/bench/controlplane.txt
