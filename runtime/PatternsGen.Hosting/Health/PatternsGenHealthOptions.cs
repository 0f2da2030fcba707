namespace PatternsGen.Hosting.Health;

/// <summary>Thresholds of PatternsGen's health checks.</summary>
public sealed class PatternsGenHealthOptions
{
    /// <summary>Dead letters from this many on make the service Degraded. Default 1: each one is a message no handler took.</summary>
    public int DeadLetterThreshold { get; set; } = 1;

    /// <summary>
    /// A projection this many events or more behind the store makes the service Degraded. Default 1,000. Counting reads
    /// up to this many events after the projection's checkpoint, so keep it in the thousands at most.
    /// </summary>
    public int ProjectionLagThreshold { get; set; } = 1000;

    /// <summary>How long the store may take to answer before it counts as unreachable. Default 5 s.</summary>
    public TimeSpan StoreTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
