using System.Collections.Concurrent;

namespace GardenerMetal.MetalSim;

/// <summary>Runtime fault control of a running simulator (also reachable over HTTP at <c>/_sim/faults</c>).</summary>
public sealed class SimFaults
{
    /// <summary>The key that applies a rule to every route.</summary>
    public const string AllRoutes = "*";

    private readonly ConcurrentDictionary<string, FaultRule> _rules = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int[]> _failNext = new(StringComparer.Ordinal);
    private readonly HashSet<string> _known;

    internal SimFaults(IEnumerable<string> operationIds) => _known = [.. operationIds, AllRoutes];

    /// <summary>The active rules by operationId (copies).</summary>
    public IReadOnlyDictionary<string, FaultRule> Rules => _rules.ToDictionary(kv => kv.Key, kv => kv.Value with { }, StringComparer.Ordinal);

    /// <summary>Sets (replaces) the rule of a route.</summary>
    /// <exception cref="ArgumentException">Unknown operationId or invalid rule values.</exception>
    public void Set(string operationId, FaultRule rule)
    {
        ArgumentNullException.ThrowIfNull(operationId);
        ArgumentNullException.ThrowIfNull(rule);
        if (!_known.Contains(operationId))
        {
            throw new ArgumentException($"unknown operationId '{operationId}'; known: {string.Join(", ", _known.Order(StringComparer.Ordinal))}", nameof(operationId));
        }

        if (rule.ErrorRate is < 0 or > 1 || double.IsNaN(rule.ErrorRate))
        {
            throw new ArgumentException("errorRate must be between 0 and 1", nameof(rule));
        }

        if (rule.ErrorStatusCode is < 400 or > 599)
        {
            throw new ArgumentException("errorStatusCode must be between 400 and 599", nameof(rule));
        }

        if (rule.Latency < TimeSpan.Zero || rule.TimeoutDuration < TimeSpan.Zero || rule.FailNext < 0)
        {
            throw new ArgumentException("latency, timeoutDuration and failNext must not be negative", nameof(rule));
        }

        _rules[operationId] = rule with { };
        _failNext[operationId] = [rule.FailNext];
    }

    /// <summary>Removes the rule of a route.</summary>
    public void Clear(string operationId)
    {
        _rules.TryRemove(operationId, out _);
        _failNext.TryRemove(operationId, out _);
    }

    /// <summary>Removes every rule.</summary>
    public void ClearAll()
    {
        _rules.Clear();
        _failNext.Clear();
    }

    internal bool IsKnown(string operationId) => _known.Contains(operationId);

    internal (FaultRule Rule, bool FailNow)? Evaluate(string operationId)
    {
        if (_rules.IsEmpty)
        {
            return null;
        }

        var key = _rules.ContainsKey(operationId) ? operationId : _rules.ContainsKey(AllRoutes) ? AllRoutes : null;
        if (key is null || !_rules.TryGetValue(key, out var rule))
        {
            return null;
        }

        var failNow = false;
        if (_failNext.TryGetValue(key, out var counter))
        {
            failNow = Interlocked.Decrement(ref counter[0]) >= 0;
        }

#pragma warning disable CA5394 // fault injection, not security
        failNow |= rule.ErrorRate > 0 && Random.Shared.NextDouble() < rule.ErrorRate;
#pragma warning restore CA5394
        return (rule, failNow);
    }
}
