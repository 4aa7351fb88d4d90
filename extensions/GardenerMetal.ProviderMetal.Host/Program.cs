// gardener-extension-provider-metal: `--controllers=infrastructure,worker` (default: both); see ProviderMetalProgram.
return await GardenerMetal.Provider.Hosting.ProviderMetalProgram.RunAsync(args);
