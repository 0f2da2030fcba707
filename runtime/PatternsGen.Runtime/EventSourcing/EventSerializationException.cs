namespace PatternsGen.EventSourcing;

/// <summary>
/// An event or snapshot could not be converted to or from its stored form: its type is not registered,
/// its name is claimed twice, or JSON metadata for it is missing or the JSON does not fit it.
/// </summary>
public sealed class EventSerializationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public EventSerializationException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
