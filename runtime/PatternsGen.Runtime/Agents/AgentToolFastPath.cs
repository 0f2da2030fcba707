using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace PatternsGen.Agents;

/// <summary>
/// The fast path of a generated tool whose parameters are all plain scalars (strings, integers, numbers, booleans,
/// enums): each argument read in place where it is a JSON value of the kind its schema names, as models send them.
/// </summary>
/// <remarks>
/// Each method returns true only for a value <see cref="AgentToolArguments"/> reads to the same result (an optional
/// argument that is absent gives its default, a nullable one given as null is null), and counts the arguments it
/// read in <c>found</c>. Anything else — a null where none is allowed, a CLR value, the wrong kind, a value over a
/// limit, a missing required one, an unknown name (the count then differs) — returns false, and the generated code
/// binds the whole call again the general way, which gives the error. So this path decides how fast a call is
/// bound, never what it binds or refuses.
/// The readers are structs, so each method is compiled for each of them and everything inlines into the generated
/// method, which is itself never inlined: bound in one piece, a call costs little more than the same reads written
/// by hand (docs/benchmarks.md).
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class AgentToolFastPath
{
    /// <summary>A required value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Required<TRead, T>(AIFunctionArguments call, string name, TRead read, ref int found, out T value)
        where TRead : struct, IJsonRead<T>
    {
        if (call.TryGetValue(name, out var given) && given is JsonElement json && read.TryRead(json, out value))
        {
            found++;
            return true;
        }

        value = default!;
        return false;
    }

    /// <summary>An optional value: <paramref name="fallback"/> when absent.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Optional<TRead, T>(AIFunctionArguments call, string name, TRead read, T fallback, ref int found, out T value)
        where TRead : struct, IJsonRead<T>
    {
        if (!call.TryGetValue(name, out var given))
        {
            value = fallback;
            return true;
        }

        if (given is JsonElement json && read.TryRead(json, out value))
        {
            found++;
            return true;
        }

        value = default!;
        return false;
    }

    /// <summary>An optional value that may be null: <paramref name="fallback"/> when absent.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool OptionalOrNull<TRead, T>(AIFunctionArguments call, string name, TRead read, T? fallback, ref int found, out T? value)
        where TRead : struct, IJsonRead<T>
        where T : class
    {
        var given = Find(call, name, ref found, out var json);
        if (given == Given.Json && read.TryRead(json, out var result))
        {
            found++;
            value = result;
            return true;
        }

        value = given == Given.Absent ? fallback : null;
        return given is Given.Absent or Given.Null;
    }

    /// <summary>An optional value-type value that may be null: <paramref name="fallback"/> when absent.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool OptionalOrNullValue<TRead, T>(AIFunctionArguments call, string name, TRead read, T? fallback, ref int found, out T? value)
        where TRead : struct, IJsonRead<T>
        where T : struct
    {
        var given = Find(call, name, ref found, out var json);
        if (given == Given.Json && read.TryRead(json, out var result))
        {
            found++;
            value = result;
            return true;
        }

        value = given == Given.Absent ? fallback : null;
        return given is Given.Absent or Given.Null;
    }

    private enum Given
    {
        Absent,
        Null, // counted as found, as the general binding counts it
        Json,
        Other, // a CLR value: the general binding reads those
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Given Find(AIFunctionArguments call, string name, ref int found, out JsonElement json)
    {
        json = default;
        if (!call.TryGetValue(name, out var given))
        {
            return Given.Absent;
        }

        if (given is null)
        {
            found++;
            return Given.Null;
        }

        if (given is not JsonElement element)
        {
            return Given.Other;
        }

        json = element;
        if (element.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            found++;
            return Given.Null;
        }

        return Given.Json;
    }

    /// <summary>Reads a JSON value (never null) as <typeparamref name="T"/> where the general reader reads it to the same value.</summary>
    public interface IJsonRead<T>
    {
        /// <summary>False for anything the general reader refuses, or might read differently.</summary>
        bool TryRead(JsonElement json, out T value);
    }

    // The same checks as the readers in AgentArgumentReaders, in the same order.

    /// <summary>A JSON string no longer than <see cref="AgentToolLimits.MaxStringLength"/>.</summary>
    public readonly struct StringRead(AgentToolLimits limits) : IJsonRead<string>
    {
        /// <inheritdoc />
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool TryRead(JsonElement json, out string value)
        {
            value = json.ValueKind == JsonValueKind.String ? json.GetString()! : null!;
            return value is not null && value.Length <= limits.MaxStringLength;
        }
    }

    /// <summary>A JSON integer within <see cref="int"/>'s range.</summary>
    public readonly struct Int32Read : IJsonRead<int>
    {
        /// <inheritdoc />
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool TryRead(JsonElement json, out int value)
        {
            value = 0;
            return json.ValueKind == JsonValueKind.Number && json.TryGetInt32(out value);
        }
    }

    /// <summary>A JSON integer within <see cref="long"/>'s range.</summary>
    public readonly struct Int64Read : IJsonRead<long>
    {
        /// <inheritdoc />
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool TryRead(JsonElement json, out long value)
        {
            value = 0;
            return json.ValueKind == JsonValueKind.Number && json.TryGetInt64(out value);
        }
    }

    /// <summary>A finite JSON number.</summary>
    public readonly struct DoubleRead : IJsonRead<double>
    {
        /// <inheritdoc />
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool TryRead(JsonElement json, out double value)
        {
            value = 0;
            return json.ValueKind == JsonValueKind.Number && json.TryGetDouble(out value) && double.IsFinite(value);
        }
    }

    /// <summary>JSON true or false.</summary>
    public readonly struct BooleanRead : IJsonRead<bool>
    {
        /// <inheritdoc />
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool TryRead(JsonElement json, out bool value)
        {
            var kind = json.ValueKind;
            value = kind == JsonValueKind.True;
            return kind is JsonValueKind.True or JsonValueKind.False;
        }
    }

    /// <summary>A JSON string naming a member as <paramref name="read"/> (made by <see cref="AgentArgumentReaders.Enum"/>) names them.</summary>
    public readonly struct EnumRead<T>(AgentArgumentReader<T> read) : IJsonRead<T>
        where T : struct, System.Enum
    {
        /// <inheritdoc />
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool TryRead(JsonElement json, out T value)
        {
            value = default;
            return json.ValueKind == JsonValueKind.String && read is AgentArgumentReaders.EnumReader<T> names && names.TryMatch(json, out value);
        }
    }
}
