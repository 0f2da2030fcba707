using System.Globalization;
using System.Text.Json;

namespace PatternsGen.Agents;

/// <summary>
/// The readers generated tools bind their parameters with: each takes a JSON element (what a model sends) or
/// the matching CLR value, and checks the type, range and limits. No reflection.
/// </summary>
public static class AgentArgumentReaders
{
    /// <summary>A JSON string.</summary>
    public static AgentArgumentReader<string> String { get; } = new StringReader();

    /// <summary>A JSON boolean.</summary>
    public static AgentArgumentReader<bool> Boolean { get; } = new BooleanReader();

    /// <summary>A JSON integer within <see cref="int"/>'s range.</summary>
    public static AgentArgumentReader<int> Int32 { get; } = new Int32Reader();

    /// <summary>A JSON integer within <see cref="long"/>'s range.</summary>
    public static AgentArgumentReader<long> Int64 { get; } = new Int64Reader();

    /// <summary>A finite JSON number.</summary>
    public static AgentArgumentReader<double> Double { get; } = new DoubleReader();

    /// <summary>A finite JSON number within <see cref="float"/>'s range.</summary>
    public static AgentArgumentReader<float> Single { get; } = new SingleReader();

    /// <summary>A JSON number within <see cref="decimal"/>'s range and precision.</summary>
    public static AgentArgumentReader<decimal> Decimal { get; } = new DecimalReader();

    /// <summary>A JSON string holding a GUID.</summary>
    public static AgentArgumentReader<Guid> Guid { get; } = new GuidReader();

    /// <summary>A JSON string holding an ISO 8601 date and time.</summary>
    public static AgentArgumentReader<DateTime> DateTime { get; } = new DateTimeReader();

    /// <summary>A JSON string holding an ISO 8601 date and time with offset.</summary>
    public static AgentArgumentReader<DateTimeOffset> DateTimeOffset { get; } = new DateTimeOffsetReader();

    /// <summary>A JSON string holding an absolute URI.</summary>
    public static AgentArgumentReader<Uri> Uri { get; } = new UriReader();

    /// <summary>An enum given by the name of one of its members (<paramref name="names"/>, matched exactly, with their <paramref name="values"/>).</summary>
    public static AgentArgumentReader<T> Enum<T>(string[] names, T[] values)
        where T : struct, System.Enum => new EnumReader<T>(names, values);

    /// <summary>
    /// An object: a JSON object or a string-keyed dictionary whose properties <paramref name="build"/> (generated)
    /// reads; also takes a <typeparamref name="T"/> itself. Properties not in <paramref name="names"/> are refused.
    /// </summary>
    public static AgentArgumentReader<T> Object<T>(string[] names, AgentObjectBuilder<T> build) => new ObjectReader<T>(names, build);

    /// <summary>A value type that may also be null.</summary>
    public static AgentArgumentReader<T?> Nullable<T>(AgentArgumentReader<T> read)
        where T : struct => new NullableReader<T>(read);

    /// <summary>A JSON array, each item read by <paramref name="read"/>; also takes a CLR array or list of the items.</summary>
    public static AgentArgumentReader<T[]> Array<T>(AgentArgumentReader<T> read) => new ArrayReader<T>(read);

    private sealed class StringReader : AgentArgumentReader<string>
    {
        internal override string ReadJson(JsonElement json, JsonValueKind kind, in ArgumentPosition at) =>
            kind == JsonValueKind.String ? Bounded(json.GetString()!, at) : throw at.Mismatch("a string", json);

        internal override string ReadValue(object value, in ArgumentPosition at) =>
            value is string text ? Bounded(text, at) : throw at.Mismatch("a string", value);

        // The check inlines; the message is made out of line.
        private static string Bounded(string text, in ArgumentPosition at) =>
            text.Length <= at.Limits.MaxStringLength ? text : throw TooLong(text, at);

        private static AgentToolArgumentException TooLong(string text, in ArgumentPosition at) =>
            at.OverLimit($"a string of at most {at.Limits.MaxStringLength} characters", $"a string of {text.Length} characters");
    }

    private sealed class BooleanReader : AgentArgumentReader<bool>
    {
        internal override bool ReadJson(JsonElement json, JsonValueKind kind, in ArgumentPosition at) => kind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw at.Mismatch("true or false", json),
        };

        internal override bool ReadValue(object value, in ArgumentPosition at) => value is bool b ? b : throw at.Mismatch("true or false", value);
    }

    private sealed class Int32Reader : AgentArgumentReader<int>
    {
        private const string Expected = "an integer from -2147483648 to 2147483647";

        internal override int ReadJson(JsonElement json, JsonValueKind kind, in ArgumentPosition at) =>
            kind == JsonValueKind.Number && json.TryGetInt32(out var number) ? number : throw at.Mismatch(Expected, json);

        internal override int ReadValue(object value, in ArgumentPosition at) =>
            Integer(value) is { } number && number is >= int.MinValue and <= int.MaxValue ? (int)number : throw at.Mismatch(Expected, value);
    }

    private sealed class Int64Reader : AgentArgumentReader<long>
    {
        internal override long ReadJson(JsonElement json, JsonValueKind kind, in ArgumentPosition at) =>
            kind == JsonValueKind.Number && json.TryGetInt64(out var number) ? number : throw at.Mismatch("an integer", json);

        internal override long ReadValue(object value, in ArgumentPosition at) => Integer(value) ?? throw at.Mismatch("an integer", value);
    }

    private sealed class DoubleReader : AgentArgumentReader<double>
    {
        internal override double ReadJson(JsonElement json, JsonValueKind kind, in ArgumentPosition at) =>
            kind == JsonValueKind.Number && json.TryGetDouble(out var number) ? Finite(number, json, at) : throw at.Mismatch("a number", json);

        internal override double ReadValue(object value, in ArgumentPosition at) => value switch
        {
            double d => Finite(d, value, at),
            float f => Finite(f, value, at),
            int i => i,
            long l => l,
            decimal m => (double)m,
            _ => throw at.Mismatch("a number", value),
        };

        private static double Finite(double number, object value, in ArgumentPosition at) =>
            double.IsFinite(number) ? number : throw at.Mismatch("a finite number", value);
    }

    private sealed class SingleReader : AgentArgumentReader<float>
    {
        internal override float ReadJson(JsonElement json, JsonValueKind kind, in ArgumentPosition at) =>
            InRange(Double.ReadJson(json, kind, at), json, at);

        internal override float ReadValue(object value, in ArgumentPosition at) => InRange(Double.ReadValue(value, at), value, at);

        private static float InRange(double number, object value, in ArgumentPosition at) =>
            number is >= float.MinValue and <= float.MaxValue ? (float)number : throw at.Mismatch("a number within float's range", value);
    }

    private sealed class DecimalReader : AgentArgumentReader<decimal>
    {
        internal override decimal ReadJson(JsonElement json, JsonValueKind kind, in ArgumentPosition at) =>
            kind == JsonValueKind.Number && json.TryGetDecimal(out var number) ? number : throw at.Mismatch("a decimal number", json);

        internal override decimal ReadValue(object value, in ArgumentPosition at) => value switch
        {
            decimal m => m,
            int i => i,
            long l => l,
            _ => throw at.Mismatch("a decimal number", value),
        };
    }

    private sealed class GuidReader : AgentArgumentReader<Guid>
    {
        internal override Guid ReadJson(JsonElement json, JsonValueKind kind, in ArgumentPosition at) =>
            System.Guid.TryParse(String.ReadJson(json, kind, at), out var guid) ? guid : throw Mismatch(json, at);

        internal override Guid ReadValue(object value, in ArgumentPosition at) =>
            value is System.Guid guid ? guid : System.Guid.TryParse(String.ReadValue(value, at), out var parsed) ? parsed : throw Mismatch(value, at);

        private static AgentToolArgumentException Mismatch(object value, in ArgumentPosition at) => at.Mismatch("a GUID string (format uuid)", value);
    }

    // DateTime and DateTimeOffset take the same strings, and say so in the same words.
    private const string DateTimeExpected = "an ISO 8601 date-time string";

    private sealed class DateTimeReader : AgentArgumentReader<DateTime>
    {
        internal override DateTime ReadJson(JsonElement json, JsonValueKind kind, in ArgumentPosition at) =>
            kind == JsonValueKind.String && json.TryGetDateTime(out var time) ? time : throw at.Mismatch(DateTimeExpected, json);

        internal override DateTime ReadValue(object value, in ArgumentPosition at) => value switch
        {
            System.DateTime time => time,
            string text when System.DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var time) => time,
            _ => throw at.Mismatch(DateTimeExpected, value),
        };
    }

    private sealed class DateTimeOffsetReader : AgentArgumentReader<DateTimeOffset>
    {
        internal override DateTimeOffset ReadJson(JsonElement json, JsonValueKind kind, in ArgumentPosition at) =>
            kind == JsonValueKind.String && json.TryGetDateTimeOffset(out var time) ? time : throw at.Mismatch(DateTimeExpected, json);

        internal override DateTimeOffset ReadValue(object value, in ArgumentPosition at) => value switch
        {
            System.DateTimeOffset time => time,
            string text when System.DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var time) => time,
            _ => throw at.Mismatch(DateTimeExpected, value),
        };
    }

    private sealed class UriReader : AgentArgumentReader<Uri>
    {
        internal override Uri ReadJson(JsonElement json, JsonValueKind kind, in ArgumentPosition at) =>
            System.Uri.TryCreate(String.ReadJson(json, kind, at), UriKind.Absolute, out var uri) ? uri : throw Mismatch(json, at);

        internal override Uri ReadValue(object value, in ArgumentPosition at) =>
            value is System.Uri uri ? uri : System.Uri.TryCreate(String.ReadValue(value, at), UriKind.Absolute, out var created) ? created : throw Mismatch(value, at);

        private static AgentToolArgumentException Mismatch(object value, in ArgumentPosition at) => at.Mismatch("an absolute URI string", value);
    }

    internal sealed class EnumReader<T>(string[] names, T[] values) : AgentArgumentReader<T>
        where T : struct, System.Enum
    {
        private readonly string _expected = "one of " + string.Join(", ", names.Select(static n => "\"" + n + "\""));
        private readonly byte[][] _utf8 = [.. names.Select(static n => System.Text.Encoding.UTF8.GetBytes(n))];

        internal override T ReadJson(JsonElement json, JsonValueKind kind, in ArgumentPosition at) =>
            kind == JsonValueKind.String && TryMatch(json, out var value) ? value : throw at.Mismatch(_expected, json);

        /// <summary>The member named by JSON string <paramref name="json"/>, if any.</summary>
        private bool TryMatch(JsonElement json, out T value)
        {
            for (var i = 0; i < _utf8.Length; i++)
            {
                if (json.ValueEquals(_utf8[i])) // in place, unescaping if need be: no string is made for the name
                {
                    value = values[i];
                    return true;
                }
            }

            value = default;
            return false;
        }

        internal override T ReadValue(object value, in ArgumentPosition at) => value switch
        {
            T member => member,
            string text when System.Array.IndexOf(names, text) is var index and >= 0 => values[index],
            _ => throw at.Mismatch(_expected, value),
        };
    }

    private sealed class ObjectReader<T>(string[] names, AgentObjectBuilder<T> build) : AgentArgumentReader<T>
    {
        private readonly byte[][] _utf8Names = System.Array.ConvertAll(names, System.Text.Encoding.UTF8.GetBytes);

        internal override T ReadJson(JsonElement json, JsonValueKind kind, in ArgumentPosition at)
        {
            CheckDepth(at);
            if (kind != JsonValueKind.Object)
            {
                throw at.Mismatch("an object", json);
            }

            var properties = AgentToolArguments.ForJsonObject(json, at.WithFixedPath(), names, _utf8Names);
            return build(ref properties);
        }

        internal override T ReadValue(object value, in ArgumentPosition at)
        {
            if (value is T typed)
            {
                return typed;
            }

            CheckDepth(at);
            if (value is not IDictionary<string, object?> dictionary)
            {
                throw at.Mismatch("an object", value);
            }

            var properties = AgentToolArguments.ForDictionary(dictionary, at.WithFixedPath(), names);
            return build(ref properties); // which ends by refusing names it did not read
        }
    }

    private sealed class NullableReader<T>(AgentArgumentReader<T> read) : AgentArgumentReader<T?>
        where T : struct
    {
        internal override T? ReadJson(JsonElement json, JsonValueKind kind, in ArgumentPosition at) =>
            kind == JsonValueKind.Null ? null : read.ReadJson(json, kind, at);

        internal override T? ReadValue(object value, in ArgumentPosition at) => read.ReadValue(value, at);
    }

    private sealed class ArrayReader<T>(AgentArgumentReader<T> read) : AgentArgumentReader<T[]>
    {
        internal override T[] ReadJson(JsonElement json, JsonValueKind kind, in ArgumentPosition at)
        {
            CheckDepth(at);
            if (kind != JsonValueKind.Array)
            {
                throw at.Mismatch("an array", json);
            }

            var length = json.GetArrayLength();
            CheckLength(length, at);
            var items = new T[length];
            var index = 0;
            foreach (var item in json.EnumerateArray())
            {
                var position = at.Item(index);
                var itemKind = item.ValueKind;
                items[index++] = itemKind == JsonValueKind.Null && default(T) is not null
                    ? throw position.Mismatch("a value", item)
                    : read.ReadJson(item, itemKind, position);
            }

            return items;
        }

        internal override T[] ReadValue(object value, in ArgumentPosition at)
        {
            CheckDepth(at);
            switch (value)
            {
                case T[] typed:
                    CheckLength(typed.Length, at);
                    return typed;
                case IReadOnlyList<T> list:
                    CheckLength(list.Count, at);
                    return [.. list];
                default:
                    throw at.Mismatch("an array", value);
            }
        }
    }

    private static void CheckDepth(in ArgumentPosition at)
    {
        if (at.Depth >= at.Limits.MaxDepth)
        {
            throw at.OverLimit($"values nested at most {at.Limits.MaxDepth} deep", "deeper nesting");
        }
    }

    private static void CheckLength(int length, in ArgumentPosition at)
    {
        if (length > at.Limits.MaxArrayLength)
        {
            throw at.OverLimit($"an array of at most {at.Limits.MaxArrayLength} items", $"an array of {length} items");
        }
    }

    private static long? Integer(object value) => value switch
    {
        int i => i,
        long l => l,
        short s => s,
        byte b => b,
        _ => null,
    };
}
