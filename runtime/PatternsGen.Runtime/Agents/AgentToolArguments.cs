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
/// <see cref="EnsureNoOthers"/> compares that count with the dictionary's size (or the JSON object's property count)
/// instead of walking the names.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public struct AgentToolArguments
{
    private readonly AIFunctionArguments? _call;
    private readonly IDictionary<string, object?>? _dictionary;
    private readonly JsonElement _object;
    private readonly string[] _names;
    private readonly byte[][]? _utf8Names; // a JSON object's property names, encoded once by its reader
    private readonly ArgumentPosition _at;
    private int _found;

    /// <summary>Wraps the arguments of a call of tool <paramref name="tool"/>, whose parameters are <paramref name="names"/>.</summary>
    internal AgentToolArguments(string tool, AIFunctionArguments arguments, string[] names, AgentToolLimits limits)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        _call = arguments;
        _names = names;
        _at = new ArgumentPosition(tool, "(arguments)", limits);
        if (arguments.Count > names.Length)
        {
            ThrowUnknown(); // cannot all be parameters: say which is not before reading any
        }
    }

    private AgentToolArguments(IDictionary<string, object?>? dictionary, JsonElement json, string[] names, byte[][]? utf8Names, in ArgumentPosition at)
    {
        _dictionary = dictionary;
        _object = json;
        _names = names;
        _utf8Names = utf8Names;
        _at = at;
    }

    /// <summary>The tool's name.</summary>
    public readonly string Tool => _at.Tool;

    /// <summary>The limits in force.</summary>
    public readonly AgentToolLimits Limits => _at.Limits;

    /// <summary>The properties of an object argument rather than a call's arguments.</summary>
    private readonly bool Nested => _call is null;

    /// <summary>
    /// The properties of a JSON object argument at <paramref name="at"/>, whose schema names <paramref name="names"/>
    /// (<paramref name="utf8Names"/> in UTF-8, the form a JSON look-up takes). Unknown and repeated names are found
    /// afterwards, by <see cref="EnsureNoOthers"/>.
    /// </summary>
    internal static AgentToolArguments ForJsonObject(JsonElement json, in ArgumentPosition at, string[] names, byte[][] utf8Names) =>
        new(null, json, names, utf8Names, at);

    /// <summary>The properties of a string-keyed dictionary passed from code as an object argument at <paramref name="at"/>.</summary>
    internal static AgentToolArguments ForDictionary(IDictionary<string, object?> dictionary, in ArgumentPosition at, string[] names)
    {
        var properties = new AgentToolArguments(dictionary, default, names, null, at);
        if (dictionary.Count > names.Length)
        {
            properties.ThrowUnknown();
        }

        return properties;
    }

    /// <summary>A required value.</summary>
    public T Required<T>(string name, AgentArgumentReader<T> read)
    {
        var value = Look(name, read, out var found);
        return found == Found.Value ? value : throw Missing(name);
    }

    /// <summary>An optional value: <paramref name="fallback"/> when absent.</summary>
    public T Optional<T>(string name, AgentArgumentReader<T> read, T fallback)
    {
        var value = Look(name, read, out var found);
        return found == Found.Value ? value : fallback;
    }

    /// <summary>A required value that may be null.</summary>
    public T? RequiredOrNull<T>(string name, AgentArgumentReader<T> read)
        where T : class
    {
        var value = Look(name, read, out var found);
        return found switch
        {
            Found.Value => value,
            Found.Null => null,
            _ => throw Missing(name),
        };
    }

    /// <summary>A required value-type value that may be null.</summary>
    public T? RequiredOrNullValue<T>(string name, AgentArgumentReader<T> read)
        where T : struct
    {
        var value = Look(name, read, out var found);
        return found switch
        {
            Found.Value => value,
            Found.Null => null,
            _ => throw Missing(name),
        };
    }

    /// <summary>An optional value that may be null: <paramref name="fallback"/> when absent.</summary>
    public T? OptionalOrNull<T>(string name, AgentArgumentReader<T> read, T? fallback)
        where T : class
    {
        var value = Look(name, read, out var found);
        return found switch
        {
            Found.Value => value,
            Found.Null => null,
            _ => fallback,
        };
    }

    /// <summary>An optional value-type value that may be null: <paramref name="fallback"/> when absent.</summary>
    public T? OptionalOrNullValue<T>(string name, AgentArgumentReader<T> read, T? fallback)
        where T : struct
    {
        var value = Look(name, read, out var found);
        return found switch
        {
            Found.Value => value,
            Found.Null => null,
            _ => fallback,
        };
    }

    /// <summary>An optional property set after construction: false when absent (or null where null is not allowed).</summary>
    public bool TryGet<T>(string name, AgentArgumentReader<T> read, out T result)
    {
        result = Look(name, read, out var found);
        return found == Found.Value;
    }

    /// <summary>An optional property that may be null, set after construction: false only when absent.</summary>
    public bool TryGetOrNull<T>(string name, AgentArgumentReader<T> read, out T? result)
        where T : class
    {
        var value = Look(name, read, out var found);
        result = found == Found.Value ? value : null;
        return found != Found.Absent;
    }

    /// <summary>An optional value-type property that may be null, set after construction: false only when absent.</summary>
    public bool TryGetOrNullValue<T>(string name, AgentArgumentReader<T> read, out T? result)
        where T : struct
    {
        var value = Look(name, read, out var found);
        result = found == Found.Value ? value : null;
        return found != Found.Absent;
    }

    /// <summary>
    /// Refuses a name that is none of the parameters (or properties), and a JSON property given twice: the schema
    /// allows neither. Called once every name has been looked up, each once: the names given are then exactly the
    /// ones found when there are as many of them as were found.
    /// </summary>
    public readonly void EnsureNoOthers()
    {
        var count = _call is not null ? _call.Count : _dictionary is not null ? _dictionary.Count : PropertyCount(_object);
        if (count != _found)
        {
            ThrowUnknown();
        }
    }

    private static int PropertyCount(JsonElement json)
    {
#if NET9_0_OR_GREATER
        return json.GetPropertyCount();
#else
        var count = 0;
        foreach (var _ in json.EnumerateObject())
        {
            count++;
        }

        return count;
#endif
    }

    private readonly ArgumentPosition At(string name) => Nested ? _at.Member(name) : new ArgumentPosition(_at.Tool, name, _at.Limits);

    // Null counts as absent where the schema does not allow it (the callers decide): a required one is missing,
    // an optional one takes its default (strict-mode schemas send null for "not given").
    private enum Found
    {
        Absent,
        Null,
        Value,
    }

    /// <summary>Finds <paramref name="name"/> and reads it unless absent or null (<paramref name="found"/> says which).</summary>
    /// <remarks>
    /// Out of line: inlined once per argument into a generated binding, it uses up the JIT's inlining budget and leaves
    /// the small calls around it as calls (docs/benchmarks.md, "Invocation").
    /// </remarks>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private T Look<T>(string name, AgentArgumentReader<T> read, out Found found)
    {
        found = Found.Absent;
        if (_call is null && _dictionary is null)
        {
            // A property of a JSON object argument: looked up by its UTF-8 name, which spares a transcoding per look-up.
            var index = System.Array.IndexOf(_names, name);
            var present = index >= 0 ? _object.TryGetProperty(_utf8Names![index], out var property) : _object.TryGetProperty(name, out property);
            return present ? FromJson(name, read, property, out found) : default!;
        }

        object? value = null;
        if (!(_call is not null ? _call.TryGetValue(name, out value) : _dictionary!.TryGetValue(name, out value)))
        {
            return default!;
        }

        if (value is JsonElement json)
        {
            return FromJson(name, read, json, out found);
        }

        _found++;
        if (value is null)
        {
            found = Found.Null;
            return default!;
        }

        found = Found.Value;
        return read.ReadValue(value, At(name));
    }

    private T FromJson<T>(string name, AgentArgumentReader<T> read, JsonElement json, out Found found)
    {
        _found++;
        var kind = json.ValueKind; // read once: the readers take it rather than asking again
        if (kind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            found = Found.Null;
            return default!;
        }

        found = Found.Value;
        return read.ReadJson(json, kind, At(name));
    }

    private readonly AgentToolArgumentException Missing(string name)
    {
        foreach (var key in Keys)
        {
            if (System.Array.IndexOf(_names, key) < 0)
            {
                return Unknown(key); // a misspelt name explains a missing one better than "missing" does
            }
        }

        return new AgentToolArgumentException(Tool, Nested ? _at.Member(name).Path : name, "a value (it is required)", "nothing");
    }

    private readonly void ThrowUnknown()
    {
        if (_call is null && _dictionary is null)
        {
            CheckNames(_object, _at, _names);
            return;
        }

        foreach (var name in Keys)
        {
            if (System.Array.IndexOf(_names, name) < 0)
            {
                throw Unknown(name);
            }
        }
    }

    private readonly IEnumerable<string> Keys => _call?.Keys ?? _dictionary?.Keys ?? _object.EnumerateObject().Select(static p => p.Name);

    private readonly AgentToolArgumentException Unknown(string name) => new(
        Tool, Nested ? _at.Member(name).Path : name,
        _names.Length == 0 ? "no arguments (there are no parameters)" : "one of " + string.Join(", ", _names),
        Nested ? "a property it does not have" : "an argument it does not take");

    /// <summary>Throws for the first property of <paramref name="json"/> that is not one of <paramref name="names"/>, or that is there twice.</summary>
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
