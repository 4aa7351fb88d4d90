using System.CommandLine;
using GardenerMetal.OsConfig.Hosting;
using GardenerMetal.OsMetal.Host;

// `render ...` previews user data for a file; anything else runs the OperatingSystemConfig controller
// (--controllers=operatingsystemconfig --osc-types metal,debian,ubuntu --kubeconfig ... or in-cluster).
if (args.Length > 0 && args[0] is "render" or "-h" or "--help" or "-?")
{
    var root = new RootCommand("gardener-extension-os-metal: OperatingSystemConfig → Ignition 2.3.0 / #cloud-config user data. "
        + "Without a command it runs the controller: [--controllers=operatingsystemconfig] [--osc-types metal,debian,ubuntu] "
        + "[--ignition-version TYPE=2.3.0|3.3.0 (repeatable; default 2.3.0, the spec metal-stack images accept)] "
        + "[--kubeconfig FILE] [--max-concurrent-reconciles N] [--namespace NS] [--health-bind-address :8081] ...")
    {
        RenderCommand.Create(),
    };
    return root.Parse(args).Invoke();
}

return await OsMetalProgram.RunAsync(args);
