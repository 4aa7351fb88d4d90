# mcm-provider: the gRPC driver service and its transport benchmark.
BENCH_TARGETS += bench-grpc

LISTEN ?= 127.0.0.1:9000
BENCH_GRPC_SECONDS ?= 5

.PHONY: driver bench-grpc

driver: ## start the MCM driver service alone (no machine controller): make driver LISTEN=127.0.0.1:<port> | unix:///path
	$(DOTNET) run --project mcm-provider/GardenerMetal.Mcm.Host -- --driver-listen $(LISTEN) --machine-controller=false

bench-grpc: ## gRPC transport + GetMachineStatus throughput over a unix socket -> .local/bench/grpc.txt
	@mkdir -p $(LOCAL)/bench
	$(DOTNET) run -c Release --project tests/GardenerMetal.Grpc.Benchmarks -- --seconds $(BENCH_GRPC_SECONDS) --output $(LOCAL)/bench/grpc.txt
