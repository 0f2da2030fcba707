using System.Text.Json;

namespace PatternsGen.Agents;

/// <summary>
/// Reads one argument value as <typeparamref name="T"/>, or throws <see cref="AgentToolArgumentException"/>.
/// Made once and shared: the runtime's for scalars (<see cref="AgentArgumentReaders"/>), generated fields for
/// enums, arrays and objects.
/// </summary>
/// <remarks>
/// JSON elements (what a model sends) and CLR values (what code passes) are read apart, and the caller reads an
/// element's kind once for the null check and the reader both: on the hot path of a call that is most of what
/// binding costs beyond System.Text.Json itself.
/// </remarks>
public abstract class AgentArgumentReader<T>
{
    private protected AgentArgumentReader()
    {
    }

    /// <summary>A JSON value whose kind is <paramref name="kind"/> (<c>json.ValueKind</c>, read by the caller).</summary>
    internal abstract T ReadJson(JsonElement json, JsonValueKind kind, in ArgumentPosition at);

    /// <summary>A CLR value from code: never null, never a <see cref="JsonElement"/>.</summary>
    internal abstract T ReadValue(object value, in ArgumentPosition at);
}

/// <summary>
/// Builds an object argument from its properties. Generated per object type: reads every property, then calls
/// <see cref="AgentToolArguments.EnsureNoOthers"/>, and only then makes the object.
/// </summary>
public delegate T AgentObjectBuilder<T>(ref AgentToolArguments properties);
