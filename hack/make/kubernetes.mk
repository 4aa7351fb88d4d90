# GardenerMetal.Kubernetes (the client): informer memory benchmark.
.PHONY: bench-kubernetes
BENCH_TARGETS += bench-kubernetes

bench-kubernetes: ## informer cache memory for 10,000 objects → .local/bench/kubernetes.txt
	@mkdir -p $(LOCAL)/bench
	$(DOTNET) run -c Release --project tests/GardenerMetal.Kubernetes.Benchmarks -- $(LOCAL)/bench/kubernetes.txt 10000
