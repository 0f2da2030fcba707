namespace PatternsGen.Resilience;

/// <summary>
/// The breaker's behaviour in the closed state: when to open. A run of <c>threshold</c> handled failures with no
/// success between them opens the circuit. A mutable struct kept in its controller's field, so the closed path
/// pays no indirection for it.
/// </summary>
internal struct ConsecutiveFailures(int threshold)
{
    private int _count;

    public bool ReachedThreshold => Volatile.Read(ref _count) >= threshold;

    /// <summary>A success ends the run. Read first, so that a steady stream of successes never writes the shared cache line.</summary>
    public void OnSuccess()
    {
        if (Volatile.Read(ref _count) != 0)
        {
            Interlocked.Exchange(ref _count, 0);
        }
    }

    /// <summary>Counts a handled failure; true when the run has reached the threshold.</summary>
    public bool OnFailure() => Interlocked.Increment(ref _count) >= threshold;

    public void Reset() => Volatile.Write(ref _count, 0);
}
