// gardener-extension-provider-metal: `--controllers=controlplane,infrastructure,worker` (default: all three); see ProviderMetalProgram.
return await GardenerMetal.Provider.Hosting.ProviderMetalProgram.RunAsync(args);
