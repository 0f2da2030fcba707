using System.Text.Json;

namespace PatternsGen.Agents;

/// <summary>Where an argument value sits, for readers and their error messages.</summary>
/// <remarks>The path is put together only when a message needs it, so reading an array or an object allocates no strings.</remarks>
public readonly struct ArgumentPosition
{
    private readonly string _container;
    private readonly string? _member;
    private readonly int _index;

    /// <summary>The position of parameter <paramref name="path"/> of <paramref name="tool"/>.</summary>
    public ArgumentPosition(string tool, string path, AgentToolLimits limits, int depth = 0)
        : this(tool, path, member: null, index: -1, limits, depth)
    {
    }

    private ArgumentPosition(string tool, string container, string? member, int index, AgentToolLimits limits, int depth)
    {
        Tool = tool;
        _container = container;
        _member = member;
        _index = index;
        Limits = limits;
        Depth = depth;
    }

    /// <summary>The tool's name.</summary>
    public string Tool { get; }

    /// <summary>The parameter, or a path inside it (<c>ids[3]</c>, <c>address.city</c>).</summary>
    public string Path => _member is not null ? _container + "." + _member : _index >= 0 ? $"{_container}[{_index}]" : _container;

    /// <summary>The limits in force.</summary>
    public AgentToolLimits Limits { get; }

    /// <summary>How many arrays and objects deep the value is.</summary>
    public int Depth { get; }

    /// <summary>The position of item <paramref name="index"/> of an array at this position.</summary>
    public ArgumentPosition Item(int index) => new(Tool, Path, null, index, Limits, Depth + 1);

    /// <summary>This position with its path put together once, for an object whose properties all name it.</summary>
    internal ArgumentPosition WithFixedPath() => _member is null && _index < 0 ? this : new(Tool, Path, null, -1, Limits, Depth);

    /// <summary>The position of property <paramref name="name"/> of an object at this position.</summary>
    public ArgumentPosition Member(string name) => new(Tool, Path, name, -1, Limits, Depth + 1);

    /// <summary>The exception for a value that is not what the schema asks for.</summary>
    public AgentToolArgumentException Mismatch(string expected, object? value) => new(Tool, Path, expected, Describe(value));

    /// <summary>The exception for a value beyond a limit, <paramref name="got"/> saying what came in words (never the value itself).</summary>
    internal AgentToolArgumentException OverLimit(string expected, string got) => new(Tool, Path, expected, got);

    /// <summary>A short description of <paramref name="value"/> for an error message; never the whole value.</summary>
    public static string Describe(object? value) => value switch
    {
        null => "null",
        JsonElement { ValueKind: JsonValueKind.String } e => $"the string \"{Clip(e.GetString()!)}\"",
        JsonElement { ValueKind: JsonValueKind.Number } e => "the number " + Clip(e.GetRawText()),
        JsonElement { ValueKind: JsonValueKind.True or JsonValueKind.False } e => e.GetRawText(),
        JsonElement { ValueKind: JsonValueKind.Array } e => $"an array of {e.GetArrayLength()} item(s)",
        JsonElement { ValueKind: JsonValueKind.Object } => "an object",
        JsonElement { ValueKind: JsonValueKind.Null } => "null",
        JsonElement e => e.ValueKind.ToString(),
        string s => $"the string \"{Clip(s)}\"",
        _ => "a " + value.GetType().Name,
    };

    private static string Clip(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 40), "…");
}
