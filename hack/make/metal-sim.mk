# metal-api client and simulator (issue 4).
METAL_SIM_PORT ?= 18080
BENCH_TARGETS += bench-metal

.PHONY: metal-sim bench-metal

# Its own directory: `make up` owns .local/metal-api.env; the env file holds the admin key (mode 0600).
metal-sim: ## run the metal-api simulator on 127.0.0.1:$(METAL_SIM_PORT); writes .local/metal-sim/metal-api.env
	@mkdir -p $(LOCAL)/metal-sim
	$(DOTNET) run --project hack/GardenerMetal.MetalSim.Host -c Release -- --port $(METAL_SIM_PORT) --env-file $(LOCAL)/metal-sim/metal-api.env

bench-metal: ## metal-api simulator throughput and client overhead -> .local/bench/metal.txt
	@mkdir -p $(LOCAL)/bench
	$(DOTNET) run --project tests/GardenerMetal.MetalApi.Benchmarks -c Release -- --out $(LOCAL)/bench/metal.txt
