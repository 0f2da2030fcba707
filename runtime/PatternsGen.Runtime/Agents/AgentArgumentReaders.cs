using System.Globalization;
using System.Text.Json;

namespace PatternsGen.Agents;

/// <summary>Reads one argument value as <typeparamref name="T"/>, or throws <see cref="AgentToolArgumentException"/>.</summary>
/// <param name="value">The value: a <see cref="JsonElement"/> as models send it, or a CLR value from code. Never null.</param>
/// <param name="at">Where it is: the tool, the parameter path and the limits.</param>
public delegate T AgentArgumentReader<T>(object value, in ArgumentPosition at);

/// <summary>Builds an object argument from its properties. Generated per object type.</summary>
public delegate T AgentObjectBuilder<T>(ref AgentToolArguments properties);

/// <summary>Where an argument value sits, for readers and their error messages.</summary>
/// <remarks>The path is put together only when a message needs it, so reading an array or an object allocates no strings.</remarks>
public readonly struct ArgumentPosition
{
    private readonly string _container;
    private readonly string? _member;
    private readonly int _index;

    /// <summary>The position of parameter <paramref name="path"/> of <paramref name="tool"/>.</summary>
    public ArgumentPosition(string tool, string path, AgentToolLimits limits, int depth = 0)
        : this(tool, path, null, -1, limits, depth)
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

/// <summary>
/// The readers generated tools bind their parameters with: each takes a JSON element (what a model sends) or
/// the matching CLR value, and checks the type, range and limits. No reflection.
/// </summary>
public static class AgentArgumentReaders
{
    /// <summary>A JSON string.</summary>
    public static readonly AgentArgumentReader<string> String = static (object value, in ArgumentPosition at) =>
    {
        var text = value switch
        {
            string s => s,
            JsonElement { ValueKind: JsonValueKind.String } e => e.GetString()!,
            _ => throw at.Mismatch("a string", value),
        };
        return text.Length <= at.Limits.MaxStringLength
            ? text
            : throw at.Mismatch($"a string of at most {at.Limits.MaxStringLength} characters", $"a string of {text.Length} characters");
    };

    /// <summary>A JSON boolean.</summary>
    public static readonly AgentArgumentReader<bool> Boolean = static (object value, in ArgumentPosition at) => value switch
    {
        bool b => b,
        JsonElement { ValueKind: JsonValueKind.True } => true,
        JsonElement { ValueKind: JsonValueKind.False } => false,
        _ => throw at.Mismatch("true or false", value),
    };

    /// <summary>A JSON integer within <see cref="int"/>'s range.</summary>
    public static readonly AgentArgumentReader<int> Int32 = static (object value, in ArgumentPosition at) =>
    {
        var number = Integer(value, at, "an integer from -2147483648 to 2147483647");
        return number is >= int.MinValue and <= int.MaxValue ? (int)number : throw at.Mismatch("an integer from -2147483648 to 2147483647", value);
    };

    /// <summary>A JSON integer within <see cref="long"/>'s range.</summary>
    public static readonly AgentArgumentReader<long> Int64 = static (object value, in ArgumentPosition at) => Integer(value, at, "an integer");

    /// <summary>A finite JSON number.</summary>
    public static readonly AgentArgumentReader<double> Double = static (object value, in ArgumentPosition at) =>
    {
        var number = value switch
        {
            double d => d,
            float f => f,
            int i => i,
            long l => l,
            decimal m => (double)m,
            JsonElement { ValueKind: JsonValueKind.Number } e when e.TryGetDouble(out var d) => d,
            _ => throw at.Mismatch("a number", value),
        };
        return double.IsFinite(number) ? number : throw at.Mismatch("a finite number", value);
    };

    /// <summary>A finite JSON number within <see cref="float"/>'s range.</summary>
    public static readonly AgentArgumentReader<float> Single = static (object value, in ArgumentPosition at) =>
    {
        var number = Double(value, at);
        return number is >= float.MinValue and <= float.MaxValue ? (float)number : throw at.Mismatch("a number within float's range", value);
    };

    /// <summary>A JSON number within <see cref="decimal"/>'s range and precision.</summary>
    public static readonly AgentArgumentReader<decimal> Decimal = static (object value, in ArgumentPosition at) => value switch
    {
        decimal m => m,
        int i => i,
        long l => l,
        JsonElement { ValueKind: JsonValueKind.Number } e when e.TryGetDecimal(out var m) => m,
        _ => throw at.Mismatch("a decimal number", value),
    };

    /// <summary>A JSON string holding a GUID.</summary>
    public static readonly AgentArgumentReader<Guid> Guid = static (object value, in ArgumentPosition at) => value switch
    {
        System.Guid g => g,
        _ when String(value, at) is var text && System.Guid.TryParse(text, out var g) => g,
        _ => throw at.Mismatch("a GUID string (format uuid)", value),
    };

    /// <summary>A JSON string holding an ISO 8601 date and time.</summary>
    public static readonly AgentArgumentReader<DateTime> DateTime = static (object value, in ArgumentPosition at) => value switch
    {
        System.DateTime d => d,
        JsonElement { ValueKind: JsonValueKind.String } e when e.TryGetDateTime(out var d) => d,
        _ when value is string s && System.DateTime.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var d) => d,
        _ => throw at.Mismatch("an ISO 8601 date-time string", value),
    };

    /// <summary>A JSON string holding an ISO 8601 date and time with offset.</summary>
    public static readonly AgentArgumentReader<DateTimeOffset> DateTimeOffset = static (object value, in ArgumentPosition at) => value switch
    {
        System.DateTimeOffset d => d,
        JsonElement { ValueKind: JsonValueKind.String } e when e.TryGetDateTimeOffset(out var d) => d,
        _ when value is string s && System.DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var d) => d,
        _ => throw at.Mismatch("an ISO 8601 date-time string", value),
    };

    /// <summary>A JSON string holding an absolute URI.</summary>
    public static readonly AgentArgumentReader<Uri> Uri = static (object value, in ArgumentPosition at) => value switch
    {
        System.Uri u => u,
        _ when String(value, at) is var text && System.Uri.TryCreate(text, UriKind.Absolute, out var u) => u,
        _ => throw at.Mismatch("an absolute URI string", value),
    };

    /// <summary>An enum given by the name of one of its members (<paramref name="names"/>, matched exactly, with their <paramref name="values"/>).</summary>
    public static AgentArgumentReader<T> Enum<T>(string[] names, T[] values)
        where T : struct, System.Enum
    {
        var expected = "one of " + string.Join(", ", names.Select(static n => "\"" + n + "\""));
        var utf8 = names.Select(static n => System.Text.Encoding.UTF8.GetBytes(n)).ToArray(); // compared in place: no string is made for the name
        return (object value, in ArgumentPosition at) =>
        {
            switch (value)
            {
                case JsonElement { ValueKind: JsonValueKind.String } json:
                    for (var i = 0; i < utf8.Length; i++)
                    {
                        if (json.ValueEquals(utf8[i]))
                        {
                            return values[i];
                        }
                    }

                    break;
                case T member:
                    return member;
                case string text when System.Array.IndexOf(names, text) is var index and >= 0:
                    return values[index];
            }

            throw at.Mismatch(expected, value);
        };
    }

    /// <summary>
    /// An object: a JSON object or a string-keyed dictionary whose properties <paramref name="build"/> (generated)
    /// reads; also takes a <typeparamref name="T"/> itself. Properties not in <paramref name="names"/> are refused.
    /// </summary>
    public static AgentArgumentReader<T> Object<T>(string[] names, AgentObjectBuilder<T> build) =>
        (object value, in ArgumentPosition at) =>
        {
            if (value is T typed)
            {
                return typed;
            }

            if (at.Depth >= at.Limits.MaxDepth)
            {
                throw at.Mismatch($"values nested at most {at.Limits.MaxDepth} deep", "deeper nesting");
            }

            var properties = AgentToolArguments.ForObject(value, at.WithFixedPath(), names);
            var result = build(ref properties);
            properties.EnsureNoOthers();
            return result;
        };

    /// <summary>A value type that may also be null.</summary>
    public static AgentArgumentReader<T?> Nullable<T>(AgentArgumentReader<T> read)
        where T : struct =>
        (object value, in ArgumentPosition at) => value is JsonElement { ValueKind: JsonValueKind.Null } ? null : read(value, at);

    /// <summary>A JSON array, each item read by <paramref name="read"/>; also takes a CLR array or list of the items.</summary>
    public static AgentArgumentReader<T[]> Array<T>(AgentArgumentReader<T> read) =>
        (object value, in ArgumentPosition at) =>
        {
            if (at.Depth >= at.Limits.MaxDepth)
            {
                throw at.Mismatch($"values nested at most {at.Limits.MaxDepth} deep", "deeper nesting");
            }

            switch (value)
            {
                case JsonElement { ValueKind: JsonValueKind.Array } array:
                {
                    var length = array.GetArrayLength();
                    CheckLength(length, at);
                    var items = new T[length];
                    var index = 0;
                    foreach (var item in array.EnumerateArray())
                    {
                        var position = at.Item(index);
                        items[index++] = item.ValueKind == JsonValueKind.Null && default(T) is not null
                            ? throw position.Mismatch("a value", item)
                            : read(item, position);
                    }

                    return items;
                }

                case T[] typed:
                    CheckLength(typed.Length, at);
                    return typed;
                case IReadOnlyList<T> list:
                    CheckLength(list.Count, at);
                    return [.. list];
                default:
                    throw at.Mismatch("an array", value);
            }
        };

    private static void CheckLength(int length, in ArgumentPosition at)
    {
        if (length > at.Limits.MaxArrayLength)
        {
            throw at.Mismatch($"an array of at most {at.Limits.MaxArrayLength} items", $"an array of {length} items");
        }
    }

    private static long Integer(object value, in ArgumentPosition at, string expected) => value switch
    {
        int i => i,
        long l => l,
        short s => s,
        byte b => b,
        JsonElement { ValueKind: JsonValueKind.Number } e when e.TryGetInt64(out var l) => l,
        _ => throw at.Mismatch(expected, value),
    };
}
