namespace PatternsGen;

/// <summary>
/// Gives an event type the stable name that event stores and the event bus use for it
/// (for example <c>"order.created"</c>). Without a name, the type's name is used.
/// </summary>
/// <remarks>
/// The name is part of your stored data: once events have been written under it, renaming the
/// CLR type is safe but changing the name is not.
/// </remarks>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, Inherited = false, AllowMultiple = false)]
public sealed class EventAttribute : Attribute
{
    /// <summary>Uses the type's name as the event name.</summary>
    public EventAttribute()
    {
    }

    /// <summary>Uses <paramref name="name"/> as the event name.</summary>
    /// <param name="name">The stable event name, for example <c>"order.created"</c>.</param>
    public EventAttribute(string name) => Name = name;

    /// <summary>The stable event name, or <see langword="null"/> to use the type's name.</summary>
    public string? Name { get; }
}
