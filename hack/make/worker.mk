# Worker controller (issue 8): tests and golden files.
.PHONY: test-worker golden-worker

test-worker: ## Worker actuator tests (KubeEmulator with the MCM CRDs)
	$(DOTNET) test tests/GardenerMetal.Worker.Tests

golden-worker: ## rewrite tests/GardenerMetal.Worker.Tests/testdata from the current output (review the diff!)
	WORKER_GOLDEN_UPDATE=1 $(DOTNET) test tests/GardenerMetal.Worker.Tests
