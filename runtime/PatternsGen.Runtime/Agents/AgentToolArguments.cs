using System.ComponentModel;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace PatternsGen.Agents;

/// <summary>The arguments of one tool call, read by generated code parameter by parameter.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct AgentToolArguments
{
    private readonly AIFunctionArguments _arguments;

    /// <summary>Wraps <paramref name="arguments"/> for tool <paramref name="tool"/>.</summary>
    public AgentToolArguments(string tool, AIFunctionArguments arguments, AgentToolLimits limits)
    {
        Tool = tool;
        _arguments = arguments;
        Limits = limits;
    }

    /// <summary>The tool's name.</summary>
    public string Tool { get; }

    /// <summary>The limits in force.</summary>
    public AgentToolLimits Limits { get; }

    /// <summary>The services the caller passed (<see cref="AIFunctionArguments.Services"/>), for <c>IServiceProvider</c> parameters.</summary>
    public IServiceProvider? Services => _arguments.Services;

    /// <summary>Refuses an argument that is not one of <paramref name="parameters"/>: the schema allows no others.</summary>
    public void AllowOnly(string[] parameters)
    {
        foreach (var name in _arguments.Keys)
        {
            if (System.Array.IndexOf(parameters, name) < 0)
            {
                throw new AgentToolArgumentException(Tool, name, "no such parameter (" + string.Join(", ", parameters) + ")", "an argument");
            }
        }
    }

    /// <summary>A required parameter.</summary>
    public T Required<T>(string name, AgentArgumentReader<T> read) =>
        Find(name) is { } value ? read(value, new ArgumentPosition(Tool, name, Limits)) : throw Missing(name);

    /// <summary>An optional parameter: <paramref name="fallback"/> when absent.</summary>
    public T Optional<T>(string name, AgentArgumentReader<T> read, T fallback) =>
        Find(name) is { } value ? read(value, new ArgumentPosition(Tool, name, Limits)) : fallback;

    /// <summary>A required parameter that may be null.</summary>
    public T? RequiredOrNull<T>(string name, AgentArgumentReader<T> read)
        where T : class =>
        Present(name, out var value) ? IsNull(value) ? null : read(value!, new ArgumentPosition(Tool, name, Limits)) : throw Missing(name);

    /// <summary>A required value-type parameter that may be null.</summary>
    public T? RequiredOrNullValue<T>(string name, AgentArgumentReader<T> read)
        where T : struct =>
        Present(name, out var value) ? IsNull(value) ? null : read(value!, new ArgumentPosition(Tool, name, Limits)) : throw Missing(name);

    /// <summary>An optional parameter that may be null: <paramref name="fallback"/> when absent.</summary>
    public T? OptionalOrNull<T>(string name, AgentArgumentReader<T> read, T? fallback)
        where T : class =>
        Present(name, out var value) ? IsNull(value) ? null : read(value!, new ArgumentPosition(Tool, name, Limits)) : fallback;

    /// <summary>An optional value-type parameter that may be null: <paramref name="fallback"/> when absent.</summary>
    public T? OptionalOrNullValue<T>(string name, AgentArgumentReader<T> read, T? fallback)
        where T : struct =>
        Present(name, out var value) ? IsNull(value) ? null : read(value!, new ArgumentPosition(Tool, name, Limits)) : fallback;

    private bool Present(string name, out object? value) => _arguments.TryGetValue(name, out value);

    private static bool IsNull(object? value) => value is null or JsonElement { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined };

    private AgentToolArgumentException Missing(string name) => new(Tool, name, "a value (it is required)", "nothing");

    // Null counts as absent where the schema does not allow it: a required one is missing, an optional one
    // takes its default (strict-mode schemas send null for "not given").
    private object? Find(string name) => Present(name, out var value) && !IsNull(value) ? value : null;
}
