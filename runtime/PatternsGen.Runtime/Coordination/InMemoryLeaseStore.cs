namespace PatternsGen.Coordination;

/// <summary>Leases among the users of one process (tests, and the in-memory store), on a <see cref="TimeProvider"/>.</summary>
public sealed class InMemoryLeaseStore(TimeProvider? clock = null) : ILeaseStore
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly Dictionary<string, (string Owner, long Token, DateTimeOffset ExpiresAt)> _leases = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public ValueTask<long?> TryAcquireLeaseAsync(string name, string owner, TimeSpan duration, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(owner);
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.FromMilliseconds(1));
        var now = _clock.GetUtcNow();
        lock (_leases)
        {
            if (_leases.TryGetValue(name, out var held) && held.Owner != owner && held.ExpiresAt > now)
            {
                return new((long?)null);
            }

            var token = !_leases.ContainsKey(name) ? 1 : held.Owner == owner && held.ExpiresAt > now ? held.Token : held.Token + 1;
            _leases[name] = (owner, token, now + duration);
            return new(token);
        }
    }

    /// <inheritdoc />
    public ValueTask ReleaseLeaseAsync(string name, string owner, CancellationToken ct = default)
    {
        lock (_leases)
        {
            if (_leases.TryGetValue(name, out var held) && held.Owner == owner)
            {
                _leases[name] = held with { ExpiresAt = _clock.GetUtcNow() };
            }
        }

        return default;
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<Lease>> ListLeasesAsync(string prefix, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        var now = _clock.GetUtcNow();
        lock (_leases)
        {
            IReadOnlyList<Lease> held = _leases
                .Where(l => l.Key.StartsWith(prefix, StringComparison.Ordinal) && l.Value.ExpiresAt > now)
                .Select(l => new Lease(l.Key, l.Value.Owner, l.Value.Token))
                .OrderBy(l => l.Name, StringComparer.Ordinal)
                .ToList();
            return new(held);
        }
    }

    /// <inheritdoc />
    public ValueTask<int> ForgetLeasesAsync(string prefix, TimeSpan expiredFor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        var before = _clock.GetUtcNow() - expiredFor;
        lock (_leases)
        {
            var gone = _leases.Where(l => l.Key.StartsWith(prefix, StringComparison.Ordinal) && l.Value.ExpiresAt <= before).Select(l => l.Key).ToList();
            gone.ForEach(name => _leases.Remove(name));
            return new(gone.Count);
        }
    }
}
