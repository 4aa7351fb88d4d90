using System.Diagnostics;
using System.Net;
using System.Text;
using GardenerMetal.MetalApi.V1;
using Microsoft.Extensions.Time.Testing;

namespace GardenerMetal.MetalApi.Tests;

/// <summary>The retry strategy on a fake clock: delays are taken from the client's TimeProvider, never from the wall clock.</summary>
public sealed class MetalApiClientRetryTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    private static MetalApiClient Client(ScriptedHandler handler, FakeTimeProvider time, int maxRetries = 3) =>
        new(new MetalApiClientOptions
        {
            BaseAddress = new Uri("http://metal.test/metal/"),
            Credentials = MetalApiCredentials.Bearer("token"),
            MaxRetries = maxRetries,
            RetryBaseDelay = TimeSpan.FromSeconds(1),
            RetryMaxDelay = TimeSpan.FromSeconds(5),
            TimeProvider = time,
        }, new HttpClient(handler));

    [Fact]
    public async Task GetVersion_503ThenRetryAfterThenOk_WaitsOnTheFakeClockAndHonoursRetryAfter()
    {
        // Arrange
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-12-08T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        using var handler = new ScriptedHandler(
            time,
            _ => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable),
            _ => new HttpResponseMessage(HttpStatusCode.TooManyRequests) { Headers = { RetryAfter = new(TimeSpan.FromSeconds(3)) } },
            _ => Json("""{"name":"metal-api","version":"v0.42.0"}"""));
        using var client = Client(handler, time);

        // Act
        var call = client.GetVersionAsync();
        await handler.AdvanceUntilRequestsAsync(3).WaitAsync(Bound);
        var version = await call.WaitAsync(Bound);

        // Assert
        var at = handler.RequestTimes;
        Assert.Equal(3, at.Count);
        Assert.InRange(at[1] - at[0], TimeSpan.Zero, TimeSpan.FromSeconds(1) + ScriptedHandler.Step * 5); // jitter in [0, base]; a late timer adds steps
        Assert.True(at[2] - at[1] >= TimeSpan.FromSeconds(3), $"Retry-After 3 s not honoured: {at[2] - at[1]}");
        Assert.Equal("v0.42.0", version.Version);
    }

    [Fact]
    public async Task FindMachines_Persistent503_StopsAfterMaxRetriesWithTransientError()
    {
        // Arrange
        var time = new FakeTimeProvider();
        using var handler = new ScriptedHandler(time, _ => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable));
        using var client = Client(handler, time, maxRetries: 2);

        // Act
        var call = client.FindMachinesAsync(new MachineFindRequest { AllocationProject = "p" });
        await handler.AdvanceUntilRequestsAsync(3).WaitAsync(Bound);
        var error = await Assert.ThrowsAsync<MetalApiException>(() => call.WaitAsync(Bound));
        for (var i = 0; i < 100; i++)
        {
            time.Advance(TimeSpan.FromSeconds(1)); // no fourth attempt, however long we wait
        }

        // Assert
        Assert.Equal(3, handler.Requests);
        Assert.True(error.IsTransient);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
    }

    [Fact]
    public async Task AllocateMachine_503_NotRetriedAndSpanMarkedFailed()
    {
        // Arrange
        var time = new FakeTimeProvider();
        using var handler = new ScriptedHandler(time, _ => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable));
        using var client = Client(handler, time);
        var spans = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == MetalApiClient.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => { lock (spans) { spans.Add(a); } },
        };
        ActivitySource.AddActivityListener(listener);
        using var parent = new Activity("reconcile").Start();

        // Act
        var error = await Assert.ThrowsAsync<MetalApiException>(() => client.AllocateMachineAsync(new MachineAllocateRequest { PartitionId = "p", ProjectId = "p", SizeId = "s", ImageId = "i", SshPubKeys = [] }).WaitAsync(Bound));
        parent.Stop();

        // Assert
        Assert.Equal(1, handler.Requests);
        Assert.True(error.IsTransient);
        Activity span;
        lock (spans)
        {
            span = Assert.Single(spans, s => s.ParentSpanId == parent.SpanId);
        }

        Assert.Equal("metal-api allocateMachine", span.DisplayName);
        Assert.Equal(ActivityKind.Client, span.Kind);
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal("POST", span.GetTagItem("http.request.method"));
    }

    private static HttpResponseMessage Json(string body) => new(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

    /// <summary>Answers request n with script[n] (the last entry repeats) and records the fake time of each request.</summary>
    private sealed class ScriptedHandler(FakeTimeProvider time, params Func<HttpRequestMessage, HttpResponseMessage>[] script) : HttpMessageHandler
    {
        public static readonly TimeSpan Step = TimeSpan.FromMilliseconds(100);

        private readonly List<TimeSpan> _times = [];
        private readonly DateTimeOffset _start = time.GetUtcNow();

        public int Requests
        {
            get
            {
                lock (_times)
                {
                    return _times.Count;
                }
            }
        }

        public List<TimeSpan> RequestTimes
        {
            get
            {
                lock (_times)
                {
                    return [.. _times];
                }
            }
        }

        /// <summary>Moves the fake clock in small steps (with a real pause, so a pending timer is scheduled first) until <paramref name="count"/> requests came.</summary>
        public async Task AdvanceUntilRequestsAsync(int count)
        {
            while (Requests < count)
            {
                await Task.Delay(10);
                if (Requests < count)
                {
                    time.Advance(Step);
                }
            }
        }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            int n;
            lock (_times)
            {
                _times.Add(time.GetUtcNow() - _start);
                n = _times.Count;
            }

            return Task.FromResult(script[Math.Min(n, script.Length) - 1](request));
        }
    }
}
