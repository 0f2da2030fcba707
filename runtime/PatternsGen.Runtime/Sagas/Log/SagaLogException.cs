namespace PatternsGen.Sagas;

/// <summary>
/// The saga log could not be written or read (the store is down, another process is driving the same
/// run, or the stream is not a saga log). The run stops where it is, without compensating, so that
/// the log stays the truth; <c>ResumeAsync</c> continues it from what was recorded.
/// </summary>
public sealed class SagaLogException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SagaLogException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
