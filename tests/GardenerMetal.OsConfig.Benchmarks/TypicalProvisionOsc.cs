using System.Text;
using GardenerMetal.OsConfig.Model;
using GardenerMetal.OsConfig.Translation;

namespace GardenerMetal.OsConfig.Benchmarks;

/// <summary>A typical provision OSC: 30 files (base64 scripts/certs, plain configs, a secretRef, placeholder files) and 10 units with drop-ins.</summary>
internal static class TypicalProvisionOsc
{
    public static (OperatingSystemConfigSpec Spec, IOscSecretSource Secrets) Create()
    {
        var script = new StringBuilder("#!/bin/bash\nset -o errexit\n");
        for (var i = 0; i < 30; i++)
        {
            script.Append("echo \"> step ").Append(i).Append(": configure component with --flag=value and \\\"quotes\\\"\"\n");
        }

        var scriptB64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(script.ToString()));
        var config = "apiVersion: v1\nkind: Config\nclusters:\n- cluster:\n    server: https://api.example.internal\n  name: default\n";
        var files = new List<OscFile>();
        for (var i = 0; i < 30; i++)
        {
            FileContent content = (i % 5) switch
            {
                0 or 1 => new FileContent { Inline = new FileContentInline { Encoding = "b64", Data = scriptB64 } },
                2 or 3 => new FileContent { Inline = new FileContentInline { Encoding = "", Data = config } },
                _ when i == 4 => new FileContent { Inline = new FileContentInline { Encoding = "", Data = "<<BOOTSTRAP_TOKEN>>" }, TransmitUnencoded = true },
                _ when i == 9 => new FileContent { SecretRef = new FileContentSecretRef { Name = "ca", DataKey = "ca.crt" } },
                _ => new FileContent { Inline = new FileContentInline { Encoding = "", Data = "<<MACHINE_NAME>>" } },
            };
            files.Add(new OscFile { Path = $"/var/lib/gardener-node-agent/component-{i}/file.conf", Permissions = i % 2 == 0 ? 420 : 493, Content = content });
        }

        var units = new List<Unit>();
        for (var i = 0; i < 10; i++)
        {
            units.Add(new Unit
            {
                Name = $"component-{i}.service",
                Enable = true,
                Command = i % 3 == 0 ? "restart" : "start",
                Content = $"[Unit]\nDescription=Component {i}\nAfter=network-online.target\n[Service]\nRestart=always\nExecStart=/opt/bin/component-{i} --config=/var/lib/gardener-node-agent/component-{i}/file.conf\n[Install]\nWantedBy=multi-user.target\n",
                DropIns = [new DropIn { Name = "10-env.conf", Content = "[Service]\nEnvironment=\"KUBECONFIG=/var/lib/kubelet/kubeconfig\"\n" }],
            });
        }

        var secrets = new DictionarySecretSource(new Dictionary<string, IReadOnlyDictionary<string, byte[]>>
        {
            ["ca"] = new Dictionary<string, byte[]> { ["ca.crt"] = Encoding.UTF8.GetBytes("-----BEGIN CERTIFICATE-----\n" + new string('A', 1200) + "\n-----END CERTIFICATE-----\n") },
        });
        return (new OperatingSystemConfigSpec { Type = "metal", Purpose = "provision", Files = files, Units = units, CriConfig = new CriConfig { Name = "containerd" } }, secrets);
    }
}
