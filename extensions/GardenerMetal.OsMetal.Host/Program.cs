using System.CommandLine;
using GardenerMetal.OsMetal.Host;

var root = new RootCommand("gardener-extension-os-metal: OperatingSystemConfig → Ignition 3.3.0 / #cloud-config user data")
{
    RenderCommand.Create(),
};
return root.Parse(args).Invoke();
