namespace PatternsGen.Resilience;

/// <summary>Thrown when a <see cref="Bulkhead"/> is running and queueing all it may. The call was not made.</summary>
public sealed class BulkheadRejectedException : Exception
{
    /// <summary>Creates the exception for the bulkhead <paramref name="name"/>.</summary>
    public BulkheadRejectedException(string name, int maxConcurrency, int maxQueue)
        : base($"The bulkhead '{name}' is full: {maxConcurrency} calls running and {maxQueue} queued.")
    {
        Name = name;
        MaxConcurrency = maxConcurrency;
        MaxQueue = maxQueue;
    }

    /// <summary>The bulkhead's name.</summary>
    public string Name { get; }

    /// <summary>How many calls it runs at once.</summary>
    public int MaxConcurrency { get; }

    /// <summary>How many calls it lets wait.</summary>
    public int MaxQueue { get; }
}
