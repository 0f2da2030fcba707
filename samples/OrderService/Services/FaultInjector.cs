namespace OrderService.Services;

/// <summary>
/// The sample's stand-in for an unreliable network: each call to another service fails with probability
/// <c>--failure-rate</c>, the way a busy service answers 503. Seeded, so a run can be repeated.
/// </summary>
public sealed class FaultInjector(double failureRate, int seed)
{
    private readonly Random _random = new(seed);
    private readonly Lock _lock = new();
    private int _injected;

    public double FailureRate { get; } = failureRate;

    /// <summary>How many faults were injected so far.</summary>
    public int Injected => Volatile.Read(ref _injected);

    /// <summary>Throws a transient <see cref="HttpRequestException"/> for <paramref name="service"/> now and then.</summary>
    public void MaybeFail(string service, string what)
    {
        if (FailureRate <= 0)
        {
            return;
        }

        bool fail;
        lock (_lock)
        {
            fail = _random.NextDouble() < FailureRate;
        }

        if (fail)
        {
            Interlocked.Increment(ref _injected);
            throw new HttpRequestException($"{service}: 503 Service Unavailable ({what})");
        }
    }
}
