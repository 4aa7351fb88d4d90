# Kubernetes API emulator (hack/GardenerMetal.KubeEmulator): `make seed` serves it until Ctrl-C.
PORT ?= 6443
EMULATOR_HOST := hack/GardenerMetal.KubeEmulator.Host

.PHONY: seed bench-emulator

# Its own directory: `make up` owns .local/kubeconfig (issue 20: `make seed` overwrote a running `make up`'s files).
seed: ## run the Kubernetes API emulator on https://127.0.0.1:$(PORT) (PORT=…), writes .local/seed/kubeconfig
	@mkdir -p $(LOCAL)/seed
	$(DOTNET) run --project $(EMULATOR_HOST) -c Release -- --port $(PORT) --kubeconfig $(LOCAL)/seed/kubeconfig

BENCH_TARGETS += bench-emulator

bench-emulator: ## emulator benchmark: GETs/s and write→100 watchers latency; writes .local/bench/emulator.txt
	@mkdir -p $(LOCAL)/bench
	$(DOTNET) run --project tests/GardenerMetal.KubeEmulator.Benchmarks -c Release -- --out $(LOCAL)/bench/emulator.txt
