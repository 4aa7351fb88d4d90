using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using GardenerMetal.Admission.Benchmarks;
using GardenerMetal.Admission.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

// Usage: GardenerMetal.Admission.Benchmarks <output file> [requests] [clients]
// Starts the webhook over TLS on 127.0.0.1 with the sample CloudProfile in memory, plus a no-op
// HTTPS endpoint in the same host, and runs h2load against both (same run, same settings).
var output = args.Length > 0 ? args[0] : ".local/bench/admission.txt";
var requests = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 30000;
var clients = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 8;
var fixtures = Path.Combine(AppContext.BaseDirectory, "fixtures");
var work = Directory.CreateTempSubdirectory("admission-bench").FullName;
try
{
    var certFile = Path.Combine(work, "tls.crt");
    var keyFile = Path.Combine(work, "tls.key");
    using (var key = ECDsa.Create(ECCurve.NamedCurves.nistP256))
    {
        var request = new CertificateRequest("CN=admission-bench", key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        using var cert = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        File.WriteAllText(certFile, cert.ExportCertificatePem());
        File.WriteAllText(keyFile, key.ExportPkcs8PrivateKeyPem());
    }

    var options = new AdmissionOptions { BindAddress = "127.0.0.1", Port = 0, CertFile = certFile, KeyFile = keyFile };
    var sources = StaticSources.Load(Path.Combine(fixtures, "cloudprofile.json"));
    await using var app = AdmissionHost.Build(options, sources, sources, a => a.MapPost("/bench/noop", async context =>
    {
        // Same framing as a review: read the body, answer a small JSON document.
        await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync("{\"ok\":true}", context.RequestAborted);
    }));
    await app.StartAsync();
    var baseAddress = AdmissionHost.BaseAddress(app);
    var review = Path.Combine(fixtures, "review.json");

    H2LoadResult Run(string path)
    {
        var log = Path.Combine(work, "h2load-" + path.Replace('/', '_') + ".log");
        var psi = new ProcessStartInfo("h2load")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { "-n", requests.ToString(CultureInfo.InvariantCulture), "-c", clients.ToString(CultureInfo.InvariantCulture), "-m", "1", "-t", "1",
                     "-H", "content-type: application/json", "-d", review, "--log-file", log, new Uri(baseAddress, path).ToString() })
        {
            psi.ArgumentList.Add(arg);
        }

        using var process = Process.Start(psi) ?? throw new InvalidOperationException("cannot start h2load (apt-get install nghttp2-client)");
        var stdout = process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        return H2LoadResult.Parse(stdout, log);
    }

    // Warm-up (JIT, TLS session setup), then the measured runs back to back.
    _ = Run(WebhookEndpoints.ValidatePath);
    _ = Run("/bench/noop");
    var noop = Run("/bench/noop");
    var validate = Run(WebhookEndpoints.ValidatePath);
    var mutate = Run(WebhookEndpoints.MutatePath);
    var ratio = validate.RequestsPerSecond / noop.RequestsPerSecond;
    var lines = new[]
    {
        "admission webhook benchmark (" + DateTime.UtcNow.ToString("u", CultureInfo.InvariantCulture) + "), h2load over TLS (HTTP/2) on loopback",
        string.Format(CultureInfo.InvariantCulture, "settings: -n {0} -c {1} -m 1 -t 1, typical Shoot review ({2} bytes); machine: {3} cores shared with other builds",
            requests, clients, new FileInfo(review).Length, Environment.ProcessorCount),
        "no-op HTTPS endpoint : " + noop,
        "validate Shoot       : " + validate,
        "mutate Shoot         : " + mutate,
        string.Format(CultureInfo.InvariantCulture, "validate / no-op throughput: {0:P0}", ratio),
        string.Format(CultureInfo.InvariantCulture, "targets: p99 < 5 ms: {0}; >= 3000 reviews/s: {1}; >= 50% of no-op: {2}",
            validate.P99Ms < 5 ? "met" : "MISSED", validate.RequestsPerSecond >= 3000 ? "met" : "MISSED", ratio >= 0.5 ? "met" : "MISSED"),
    };
    Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
    await File.WriteAllLinesAsync(output, lines);
    foreach (var line in lines)
    {
        Console.WriteLine(line);
    }

    await app.StopAsync();
    return 0;
}
finally
{
    Directory.Delete(work, true);
}
