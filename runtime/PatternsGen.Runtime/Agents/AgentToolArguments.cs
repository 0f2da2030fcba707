using System.ComponentModel;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace PatternsGen.Agents;

/// <summary>
/// The named values generated code binds, one by one: a call's arguments, or the properties of an object
/// argument (a JSON object, or a dictionary from code).
/// </summary>
/// <remarks>
/// A mutable struct so that counting the names it has found costs nothing: after binding,
/// <see cref="EnsureNoOthers"/> compares that count with the dictionary's size instead of walking its keys.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public struct AgentToolArguments
{
    private readonly IDictionary<string, object?>? _dictionary;
    private readonly JsonElement _object;
    private readonly string[] _names;
    private readonly ArgumentPosition _at;
    private readonly bool _nested;
    private int _found;

    /// <summary>Wraps the arguments of a call of tool <paramref name="tool"/>, whose parameters are <paramref name="names"/>.</summary>
    public AgentToolArguments(string tool, AIFunctionArguments arguments, string[] names, AgentToolLimits limits)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        _dictionary = arguments;
        _names = names;
        _at = new ArgumentPosition(tool, "(arguments)", limits);
        Services = arguments.Services;
        if (arguments.Count > names.Length)
        {
            ThrowUnknown(); // cannot all be parameters: say which is not before reading any
        }
    }

    private AgentToolArguments(IDictionary<string, object?>? dictionary, JsonElement json, string[] names, in ArgumentPosition at)
    {
        _dictionary = dictionary;
        _object = json;
        _names = names;
        _at = at;
        _nested = true;
    }

    /// <summary>The tool's name.</summary>
    public readonly string Tool => _at.Tool;

    /// <summary>The limits in force.</summary>
    public readonly AgentToolLimits Limits => _at.Limits;

    /// <summary>The services the caller passed (<see cref="AIFunctionArguments.Services"/>), for <c>IServiceProvider</c> parameters.</summary>
    public IServiceProvider? Services { get; }

    /// <summary>
    /// The properties of an object argument at <paramref name="at"/>, whose schema names <paramref name="names"/>:
    /// a JSON object (checked here for unknown and repeated names) or a string-keyed dictionary.
    /// </summary>
    public static AgentToolArguments ForObject(object value, in ArgumentPosition at, string[] names)
    {
        switch (value)
        {
            case JsonElement { ValueKind: JsonValueKind.Object } json:
                CheckNames(json, at, names);
                return new AgentToolArguments(null, json, names, at);
            case IDictionary<string, object?> dictionary:
                var properties = new AgentToolArguments(dictionary, default, names, at);
                if (dictionary.Count > names.Length)
                {
                    properties.ThrowUnknown();
                }

                return properties;
            default:
                throw at.Mismatch("an object", value);
        }
    }

    /// <summary>A required value.</summary>
    public T Required<T>(string name, AgentArgumentReader<T> read) =>
        Find(name) is { } value ? read(value, At(name)) : throw Missing(name);

    /// <summary>An optional value: <paramref name="fallback"/> when absent.</summary>
    public T Optional<T>(string name, AgentArgumentReader<T> read, T fallback) =>
        Find(name) is { } value ? read(value, At(name)) : fallback;

    /// <summary>A required value that may be null.</summary>
    public T? RequiredOrNull<T>(string name, AgentArgumentReader<T> read)
        where T : class =>
        Present(name, out var value) ? IsNull(value) ? null : read(value!, At(name)) : throw Missing(name);

    /// <summary>A required value-type value that may be null.</summary>
    public T? RequiredOrNullValue<T>(string name, AgentArgumentReader<T> read)
        where T : struct =>
        Present(name, out var value) ? IsNull(value) ? null : read(value!, At(name)) : throw Missing(name);

    /// <summary>An optional value that may be null: <paramref name="fallback"/> when absent.</summary>
    public T? OptionalOrNull<T>(string name, AgentArgumentReader<T> read, T? fallback)
        where T : class =>
        Present(name, out var value) ? IsNull(value) ? null : read(value!, At(name)) : fallback;

    /// <summary>An optional value-type value that may be null: <paramref name="fallback"/> when absent.</summary>
    public T? OptionalOrNullValue<T>(string name, AgentArgumentReader<T> read, T? fallback)
        where T : struct =>
        Present(name, out var value) ? IsNull(value) ? null : read(value!, At(name)) : fallback;

    /// <summary>An optional property set after construction: false when absent (or null where null is not allowed).</summary>
    public bool TryGet<T>(string name, AgentArgumentReader<T> read, out T result)
    {
        if (Find(name) is { } value)
        {
            result = read(value, At(name));
            return true;
        }

        result = default!;
        return false;
    }

    /// <summary>An optional property that may be null, set after construction: false only when absent.</summary>
    public bool TryGetOrNull<T>(string name, AgentArgumentReader<T> read, out T? result)
        where T : class
    {
        var present = Present(name, out var value);
        result = present && !IsNull(value) ? read(value!, At(name)) : null;
        return present;
    }

    /// <summary>An optional value-type property that may be null, set after construction: false only when absent.</summary>
    public bool TryGetOrNullValue<T>(string name, AgentArgumentReader<T> read, out T? result)
        where T : struct
    {
        var present = Present(name, out var value);
        result = present && !IsNull(value) ? read(value!, At(name)) : null;
        return present;
    }

    /// <summary>Refuses a name that is none of the parameters: the schema allows no others. Called after binding.</summary>
    public readonly void EnsureNoOthers()
    {
        if (_dictionary is not null && _dictionary.Count != _found)
        {
            ThrowUnknown();
        }
    }

    private readonly ArgumentPosition At(string name) => _nested ? _at.Member(name) : new ArgumentPosition(_at.Tool, name, _at.Limits);

    private bool Present(string name, out object? value)
    {
        if (_dictionary is not null)
        {
            if (_dictionary.TryGetValue(name, out value))
            {
                _found++;
                return true;
            }

            return false;
        }

        if (_object.TryGetProperty(name, out var property))
        {
            value = property;
            return true;
        }

        value = null;
        return false;
    }

    private static bool IsNull(object? value) => value is null or JsonElement { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined };

    // Null counts as absent where the schema does not allow it: a required one is missing, an optional one
    // takes its default (strict-mode schemas send null for "not given").
    private object? Find(string name) => Present(name, out var value) && !IsNull(value) ? value : null;

    private readonly AgentToolArgumentException Missing(string name)
    {
        if (_dictionary is not null)
        {
            foreach (var key in _dictionary.Keys)
            {
                if (System.Array.IndexOf(_names, key) < 0)
                {
                    return Unknown(key); // a misspelt name explains a missing one better than "missing" does
                }
            }
        }

        return new AgentToolArgumentException(Tool, _nested ? _at.Member(name).Path : name, "a value (it is required)", "nothing");
    }

    private readonly void ThrowUnknown()
    {
        foreach (var name in _dictionary!.Keys)
        {
            if (System.Array.IndexOf(_names, name) < 0)
            {
                throw Unknown(name);
            }
        }
    }

    private readonly AgentToolArgumentException Unknown(string name) => new(
        Tool, _nested ? _at.Member(name).Path : name,
        _names.Length == 0 ? "no arguments (there are no parameters)" : "one of " + string.Join(", ", _names),
        _nested ? "a property it does not have" : "an argument it does not take");

    /// <summary>Every property of <paramref name="json"/> is one of <paramref name="names"/>, once.</summary>
    private static void CheckNames(JsonElement json, in ArgumentPosition at, string[] names)
    {
        var seen = names.Length <= 64 ? null : new bool[names.Length];
        var bits = 0UL;
        foreach (var property in json.EnumerateObject())
        {
            var index = IndexOf(property, names);
            if (index < 0)
            {
                throw new AgentToolArgumentException(at.Tool, at.Member(property.Name).Path, "one of " + string.Join(", ", names), "a property it does not have");
            }

            var repeated = seen is null ? (bits & (1UL << index)) != 0 : seen[index];
            if (repeated)
            {
                throw new AgentToolArgumentException(at.Tool, at.Member(property.Name).Path, "each property once", "it twice");
            }

            if (seen is null)
            {
                bits |= 1UL << index;
            }
            else
            {
                seen[index] = true;
            }
        }
    }

    private static int IndexOf(JsonProperty property, string[] names)
    {
        for (var i = 0; i < names.Length; i++)
        {
            if (property.NameEquals(names[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
