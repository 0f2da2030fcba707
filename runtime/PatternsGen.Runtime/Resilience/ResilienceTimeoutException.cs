namespace PatternsGen.Resilience;

/// <summary>
/// Thrown when a call through a <see cref="ResiliencePipeline"/> outlives its attempt or total timeout.
/// The caller's own cancellation is never reported as a timeout: it stays an <see cref="OperationCanceledException"/>.
/// </summary>
public sealed class ResilienceTimeoutException : TimeoutException
{
    /// <summary>Creates the exception for <paramref name="name"/>'s <paramref name="timeout"/>.</summary>
    public ResilienceTimeoutException(string name, TimeSpan timeout, Exception? innerException)
        : base($"The call to '{name}' did not finish within {timeout.TotalMilliseconds:0} ms.", innerException)
    {
        Name = name;
        Timeout = timeout;
    }

    /// <summary>The pipeline's name.</summary>
    public string Name { get; }

    /// <summary>The timeout that ran out.</summary>
    public TimeSpan Timeout { get; }
}
