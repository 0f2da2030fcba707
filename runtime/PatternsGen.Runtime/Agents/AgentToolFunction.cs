using System.ComponentModel;
using System.Text.Json;
using Microsoft.Extensions.AI;
using PatternsGen.EventSourcing;

namespace PatternsGen.Agents;

/// <summary>
/// The base of every generated tool: an <see cref="AIFunction"/> whose name, description and JSON schema were
/// fixed at build time, and whose invocation binds the arguments with generated code.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class AgentToolFunction : AIFunction
{
    private readonly JsonSerializerOptions _json;

    /// <summary>Creates the tool. Called by generated code.</summary>
    protected AgentToolFunction(string name, string description, JsonElement schema, JsonElement strictSchema, bool requiresApproval, AgentToolOptions? options)
    {
        Name = name;
        Description = description;
        JsonSchema = schema;
        StrictJsonSchema = strictSchema;
        RequiresApproval = requiresApproval;
        Options = options ?? AgentToolOptions.Default;
        _json = Options.JsonOptions ?? AgentToolOptions.DefaultJsonOptions;
    }

    /// <inheritdoc />
    public override string Name { get; }

    /// <inheritdoc />
    public override string Description { get; }

    /// <inheritdoc />
    public override JsonElement JsonSchema { get; }

    /// <summary>The schema for OpenAI's strict mode: every property required (optional ones as "type or null"), no others allowed.</summary>
    public JsonElement StrictJsonSchema { get; }

    /// <summary><c>[AgentTool(RequiresApproval = true)]</c>: an agent runs it only after its approval callback allows it.</summary>
    public bool RequiresApproval { get; }

    /// <summary>The options the tool was created with.</summary>
    public AgentToolOptions Options { get; }

    /// <inheritdoc />
    public override JsonSerializerOptions JsonSerializerOptions => _json;

    /// <summary>Parses a schema written by the generator. Called once per tool type.</summary>
    protected static JsonElement ParseSchema(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    /// <inheritdoc />
    protected sealed override ValueTask<object?> InvokeCoreAsync(AIFunctionArguments arguments, CancellationToken cancellationToken) =>
        InvokeToolAsync(new AgentToolArguments(Name, arguments, Options.Limits), cancellationToken);

    /// <summary>Binds the arguments and calls the method. Generated.</summary>
    protected abstract ValueTask<object?> InvokeToolAsync(AgentToolArguments arguments, CancellationToken ct);

    /// <summary>The method's result as the model will see it: strings as they are, everything else as JSON.</summary>
    protected object? Result<T>(T result) => result switch
    {
        null => null,
        string text => text,
        _ => System.Text.Json.JsonSerializer.SerializeToElement(result, JsonMetadata.For<T>(_json)),
    };
}

/// <summary>How generated tools are created.</summary>
public sealed class AgentToolOptions
{
    /// <summary>The defaults: reflection-free binding, default limits, results as JSON through reflection-based metadata where allowed.</summary>
    public static AgentToolOptions Default { get; } = new();

    /// <summary>
    /// How results become JSON. Under Native AOT pass a source-generated context's options listing the result
    /// types (arguments never need it: they are bound by generated code).
    /// </summary>
    public JsonSerializerOptions? JsonOptions { get; init; }

    /// <summary>Bounds on arguments.</summary>
    public AgentToolLimits Limits { get; init; } = AgentToolLimits.Default;

    /// <summary>
    /// Results as JSON when no options are given: reflection-based where the runtime allows it, with enums as
    /// their names (the schemas name enum members, so the model reads the same words back).
    /// </summary>
    internal static JsonSerializerOptions DefaultJsonOptions { get; } = CreateDefaultJsonOptions();

    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Only when reflection-based serialization is enabled, which Native AOT and trimmed apps turn off by default.")]
    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("AOT", "IL3050", Justification = "Only when reflection-based serialization is enabled, which Native AOT turns off by default.")]
    private static JsonSerializerOptions CreateDefaultJsonOptions()
    {
        if (!JsonSerializer.IsReflectionEnabledByDefault)
        {
            return PatternsGen.EventSourcing.DefaultJsonOptions.Instance; // explains what to do when metadata is missing
        }

        var options = new JsonSerializerOptions(PatternsGen.EventSourcing.DefaultJsonOptions.Instance);
        options.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter());
        options.MakeReadOnly();
        return options;
    }
}
