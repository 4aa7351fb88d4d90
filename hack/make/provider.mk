# Provider controllers (issue 6: Infrastructure).
BENCH_TARGETS += bench-infrastructure

.PHONY: bench-infrastructure

bench-infrastructure: ## 200 shoots' Infrastructures to Succeeded against emulator + metal-api simulator -> .local/bench/infrastructure.txt
	@mkdir -p $(LOCAL)/bench
	$(DOTNET) run --project tests/GardenerMetal.Provider.Benchmarks -c Release -- --shoots 200 --out $(LOCAL)/bench/infrastructure.txt
