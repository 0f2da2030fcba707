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
/// argument that is absent gives its default), and counts the arguments it read in <c>found</c>. Anything else — a
/// null, a CLR value, the wrong kind, a value over a limit, a missing required one, an unknown name (the count then
/// differs) — returns false, and the generated code binds the whole call again the general way, which gives the
/// error. So this path decides how fast a call is bound, never what it binds or refuses.
/// These inline into the generated method, which is itself never inlined: bound in one piece, a call costs little
/// more than the same reads written by hand (docs/benchmarks.md).
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class AgentToolFastPath
{
    /// <summary>A required string.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool RequiredString(AIFunctionArguments call, string name, AgentToolLimits limits, ref int found, out string value)
    {
        value = null!;
        return Json(call, name, out var json) && ReadString(json, limits, ref found, out value);
    }

    /// <summary>An optional string: <paramref name="fallback"/> when absent.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool OptionalString(AIFunctionArguments call, string name, string fallback, AgentToolLimits limits, ref int found, out string value)
    {
        value = fallback;
        return !call.TryGetValue(name, out var given) || (given is JsonElement json && ReadString(json, limits, ref found, out value));
    }

    /// <summary>A required 32-bit integer.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool RequiredInt32(AIFunctionArguments call, string name, ref int found, out int value)
    {
        value = 0;
        return Json(call, name, out var json) && ReadInt32(json, ref found, out value);
    }

    /// <summary>An optional 32-bit integer: <paramref name="fallback"/> when absent.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool OptionalInt32(AIFunctionArguments call, string name, int fallback, ref int found, out int value)
    {
        value = fallback;
        return !call.TryGetValue(name, out var given) || (given is JsonElement json && ReadInt32(json, ref found, out value));
    }

    /// <summary>A required 64-bit integer.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool RequiredInt64(AIFunctionArguments call, string name, ref int found, out long value)
    {
        value = 0;
        return Json(call, name, out var json) && ReadInt64(json, ref found, out value);
    }

    /// <summary>An optional 64-bit integer: <paramref name="fallback"/> when absent.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool OptionalInt64(AIFunctionArguments call, string name, long fallback, ref int found, out long value)
    {
        value = fallback;
        return !call.TryGetValue(name, out var given) || (given is JsonElement json && ReadInt64(json, ref found, out value));
    }

    /// <summary>A required finite number.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool RequiredDouble(AIFunctionArguments call, string name, ref int found, out double value)
    {
        value = 0;
        return Json(call, name, out var json) && ReadDouble(json, ref found, out value);
    }

    /// <summary>An optional finite number: <paramref name="fallback"/> when absent.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool OptionalDouble(AIFunctionArguments call, string name, double fallback, ref int found, out double value)
    {
        value = fallback;
        return !call.TryGetValue(name, out var given) || (given is JsonElement json && ReadDouble(json, ref found, out value));
    }

    /// <summary>A required boolean.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool RequiredBoolean(AIFunctionArguments call, string name, ref int found, out bool value)
    {
        value = false;
        return Json(call, name, out var json) && ReadBoolean(json, ref found, out value);
    }

    /// <summary>An optional boolean: <paramref name="fallback"/> when absent.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool OptionalBoolean(AIFunctionArguments call, string name, bool fallback, ref int found, out bool value)
    {
        value = fallback;
        return !call.TryGetValue(name, out var given) || (given is JsonElement json && ReadBoolean(json, ref found, out value));
    }

    /// <summary>A required enum, named as <paramref name="read"/> (made by <see cref="AgentArgumentReaders.Enum"/>) names its members.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool RequiredEnum<T>(AIFunctionArguments call, string name, AgentArgumentReader<T> read, ref int found, out T value)
        where T : struct, System.Enum
    {
        value = default;
        return Json(call, name, out var json) && ReadEnum(json, read, ref found, out value);
    }

    /// <summary>An optional enum: <paramref name="fallback"/> when absent.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool OptionalEnum<T>(AIFunctionArguments call, string name, AgentArgumentReader<T> read, T fallback, ref int found, out T value)
        where T : struct, System.Enum
    {
        value = fallback;
        return !call.TryGetValue(name, out var given) || (given is JsonElement json && ReadEnum(json, read, ref found, out value));
    }

    /// <summary>An optional string that may be null: <paramref name="fallback"/> when absent.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool OptionalOrNullString(AIFunctionArguments call, string name, string? fallback, AgentToolLimits limits, ref int found, out string? value)
    {
        var given = Nullable(call, name, ref found, out var json);
        string? text = null;
        var read = given switch { Given.Json => ReadString(json, limits, ref found, out text), Given.Other => false, _ => true };
        value = given == Given.Absent ? fallback : text;
        return read;
    }

    /// <summary>An optional 32-bit integer that may be null: <paramref name="fallback"/> when absent.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool OptionalOrNullInt32(AIFunctionArguments call, string name, int? fallback, ref int found, out int? value)
    {
        var given = Nullable(call, name, ref found, out var json);
        int number = default;
        var read = given switch { Given.Json => ReadInt32(json, ref found, out number), Given.Other => false, _ => true };
        value = given switch { Given.Absent => fallback, Given.Null => null, _ => number };
        return read;
    }

    /// <summary>An optional 64-bit integer that may be null: <paramref name="fallback"/> when absent.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool OptionalOrNullInt64(AIFunctionArguments call, string name, long? fallback, ref int found, out long? value)
    {
        var given = Nullable(call, name, ref found, out var json);
        long number = default;
        var read = given switch { Given.Json => ReadInt64(json, ref found, out number), Given.Other => false, _ => true };
        value = given switch { Given.Absent => fallback, Given.Null => null, _ => number };
        return read;
    }

    /// <summary>An optional finite number that may be null: <paramref name="fallback"/> when absent.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool OptionalOrNullDouble(AIFunctionArguments call, string name, double? fallback, ref int found, out double? value)
    {
        var given = Nullable(call, name, ref found, out var json);
        double number = default;
        var read = given switch { Given.Json => ReadDouble(json, ref found, out number), Given.Other => false, _ => true };
        value = given switch { Given.Absent => fallback, Given.Null => null, _ => number };
        return read;
    }

    /// <summary>An optional boolean that may be null: <paramref name="fallback"/> when absent.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool OptionalOrNullBoolean(AIFunctionArguments call, string name, bool? fallback, ref int found, out bool? value)
    {
        var given = Nullable(call, name, ref found, out var json);
        bool flag = default;
        var read = given switch { Given.Json => ReadBoolean(json, ref found, out flag), Given.Other => false, _ => true };
        value = given switch { Given.Absent => fallback, Given.Null => null, _ => flag };
        return read;
    }

    /// <summary>An optional enum that may be null: <paramref name="fallback"/> when absent.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool OptionalOrNullEnum<T>(AIFunctionArguments call, string name, AgentArgumentReader<T> read, T? fallback, ref int found, out T? value)
        where T : struct, System.Enum
    {
        var given = Nullable(call, name, ref found, out var json);
        T member = default;
        var matched = given switch { Given.Json => ReadEnum(json, read, ref found, out member), Given.Other => false, _ => true };
        value = given switch { Given.Absent => fallback, Given.Null => null, _ => member };
        return matched;
    }

    private enum Given
    {
        Absent,
        Null, // counted as found, as the general binding counts it
        Json,
        Other, // a CLR value: the general binding reads those
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Given Nullable(AIFunctionArguments call, string name, ref int found, out JsonElement json)
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

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Json(AIFunctionArguments call, string name, out JsonElement json)
    {
        if (call.TryGetValue(name, out var given) && given is JsonElement element)
        {
            json = element;
            return true;
        }

        json = default;
        return false;
    }

    // The same checks as the readers in AgentArgumentReaders, in the same order.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool ReadString(JsonElement json, AgentToolLimits limits, ref int found, out string value)
    {
        if (json.ValueKind == JsonValueKind.String && json.GetString() is { } text && text.Length <= limits.MaxStringLength)
        {
            found++;
            value = text;
            return true;
        }

        value = null!;
        return false;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool ReadInt32(JsonElement json, ref int found, out int value)
    {
        if (json.ValueKind == JsonValueKind.Number && json.TryGetInt32(out value))
        {
            found++;
            return true;
        }

        value = 0;
        return false;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool ReadInt64(JsonElement json, ref int found, out long value)
    {
        if (json.ValueKind == JsonValueKind.Number && json.TryGetInt64(out value))
        {
            found++;
            return true;
        }

        value = 0;
        return false;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool ReadDouble(JsonElement json, ref int found, out double value)
    {
        if (json.ValueKind == JsonValueKind.Number && json.TryGetDouble(out value) && double.IsFinite(value))
        {
            found++;
            return true;
        }

        value = 0;
        return false;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool ReadBoolean(JsonElement json, ref int found, out bool value)
    {
        var kind = json.ValueKind;
        value = kind == JsonValueKind.True;
        if (kind is JsonValueKind.True or JsonValueKind.False)
        {
            found++;
            return true;
        }

        return false;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool ReadEnum<T>(JsonElement json, AgentArgumentReader<T> read, ref int found, out T value)
        where T : struct, System.Enum
    {
        if (json.ValueKind == JsonValueKind.String && read is AgentArgumentReaders.EnumReader<T> names && names.TryMatch(json, out value))
        {
            found++;
            return true;
        }

        value = default;
        return false;
    }
}
