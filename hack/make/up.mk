# `make up` (issue 10): the whole suite on the local seed, one shoot up end to end, until Ctrl-C.
# The root Makefile's `up` target runs `local-up`.
KUBE_PORT      ?= 6443
METAL_API_PORT ?= 18080
UP_STEP_MS     ?= 200
LOCAL_UP       := hack/GardenerMetal.LocalUp

.PHONY: local-up

local-up: ## emulator + metal-api simulator + admission + provider-metal + os-metal + MCM driver/controller + MCM stand-in; applies the example shoot; Ctrl-C stops
	@mkdir -p $(LOCAL)
	@$(DOTNET) build $(LOCAL_UP) -c Release -nologo -v q -clp:ErrorsOnly
	@$(DOTNET) build admission/GardenerMetal.Admission -c Release -nologo -v q -clp:ErrorsOnly \
	  || echo "make up: admission/GardenerMetal.Admission does not build; starting without the admission webhook" >&2
	@$(DOTNET) $(LOCAL_UP)/bin/Release/net10.0/GardenerMetal.LocalUp.dll --dir $(LOCAL) --kube-port $(KUBE_PORT) --metal-port $(METAL_API_PORT) --step-ms $(UP_STEP_MS)
