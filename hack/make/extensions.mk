# Extensions framework (extensions/GardenerMetal.Extensions): benchmark.
BENCH_TARGETS += bench-extensions

.PHONY: bench-extensions
bench-extensions: ## 1,000 Infrastructures reconciled by the extension framework against the emulator -> .local/bench/extensions.txt
	@mkdir -p $(LOCAL)/bench
	$(DOTNET) run -c Release --project tests/GardenerMetal.Extensions.Benchmarks -- $(LOCAL)/bench/extensions.txt
