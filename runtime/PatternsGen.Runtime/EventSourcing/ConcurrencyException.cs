namespace PatternsGen.EventSourcing;

/// <summary>
/// An append expected a stream at one version and found it at another: someone else appended first.
/// Nothing was written. Reload the aggregate, re-check the command and try again.
/// </summary>
public sealed class ConcurrencyException : Exception
{
    /// <summary>Creates the exception for <paramref name="streamId"/>.</summary>
    public ConcurrencyException(string streamId, long expectedVersion, long actualVersion)
        : base($"Stream '{streamId}' is at version {actualVersion}, but the append expected version {expectedVersion}. Nothing was written; reload and retry.")
    {
        StreamId = streamId;
        ExpectedVersion = expectedVersion;
        ActualVersion = actualVersion;
    }

    /// <summary>The stream appended to.</summary>
    public string StreamId { get; }

    /// <summary>The version the append expected.</summary>
    public long ExpectedVersion { get; }

    /// <summary>The stream's version when the append was refused (0 when it does not exist).</summary>
    public long ActualVersion { get; }
}
