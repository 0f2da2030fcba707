namespace PatternsGen.Messaging.RabbitMQ;

/// <summary>The broker did not take a message: it refused it, could not route it, or could not be reached. The message says which.</summary>
public sealed class EventBusException : Exception
{
    /// <summary>Creates the exception.</summary>
    public EventBusException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
