using System.ComponentModel;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace PatternsGen.Agents;

/// <summary>
/// The base of every generated tool: an <see cref="AIFunction"/> whose name, description and JSON schema were
/// fixed at build time, and whose invocation binds the arguments with generated code.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class AgentToolFunction : AIFunction
{
    private readonly JsonSerializerOptions _json;
    private readonly string[] _parameters;
    private readonly AgentToolLimits _limits;

    /// <summary>Creates the tool. Called by generated code.</summary>
    /// <param name="name">The tool's name.</param>
    /// <param name="description">What it does.</param>
    /// <param name="schema">The schema of its arguments.</param>
    /// <param name="strictSchema">The same for OpenAI's strict mode.</param>
    /// <param name="parameters">The names of its bound parameters: no other argument is accepted.</param>
    /// <param name="requiresApproval"><c>RequiresApproval = true</c>.</param>
    /// <param name="options">How the tool was created.</param>
    protected AgentToolFunction(string name, string description, JsonElement schema, JsonElement strictSchema, string[] parameters, bool requiresApproval, AgentToolOptions? options)
    {
        _parameters = parameters;
        Name = name;
        Description = description;
        JsonSchema = schema;
        StrictJsonSchema = strictSchema;
        RequiresApproval = requiresApproval;
        Options = options ?? AgentToolOptions.Default;
        _json = Options.SerializerOptions;
        _limits = Options.Limits;
    }

    /// <inheritdoc />
    public sealed override string Name { get; }

    /// <inheritdoc />
    public sealed override string Description { get; }

    /// <inheritdoc />
    public sealed override JsonElement JsonSchema { get; }

    /// <summary>The schema for OpenAI's strict mode: every property required (optional ones as "type or null"), no others allowed.</summary>
    public JsonElement StrictJsonSchema { get; }

    /// <summary><c>[AgentTool(RequiresApproval = true)]</c>: an agent runs it only after its approval callback allows it.</summary>
    public bool RequiresApproval { get; }

    /// <summary>The options the tool was created with.</summary>
    public AgentToolOptions Options { get; }

    /// <inheritdoc />
    public sealed override JsonSerializerOptions JsonSerializerOptions => _json;

    /// <summary>Parses a schema written by the generator. Called once per tool type.</summary>
    protected static JsonElement ParseSchema(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    /// <summary>
    /// The arguments of a call, for the binding generated into <see cref="AIFunction.InvokeCoreAsync"/>: refused here
    /// at once if there are more than the tool has parameters.
    /// </summary>
    protected AgentToolArguments Arguments(AIFunctionArguments call) => new(Name, call, _parameters, _limits);

    /// <summary>
    /// The method's result as the model will see it. Strings, booleans and 32- and 64-bit integers go back as they
    /// are (booleans and small integers in boxes made once): every chat client's serializer writes them, and the
    /// tool's own <see cref="JsonSerializerOptions"/> know them without reflection. Everything else is written as a
    /// <see cref="JsonElement"/> with those options.
    /// </summary>
    protected object? Result<T>(T result) => result switch
    {
        null => null,
        bool flag => BoxedResults.Of(flag),
        int number => BoxedResults.Of(number),
        string or long => result,
        _ => JsonSerializer.SerializeToElement(result, ResultMetadata<T>()),
    };

    private System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> ResultMetadata<T>()
    {
        try
        {
            return (System.Text.Json.Serialization.Metadata.JsonTypeInfo<T>)_json.GetTypeInfo(typeof(T));
        }
        catch (Exception error) when (error is NotSupportedException or InvalidOperationException)
        {
            throw new InvalidOperationException(
                $"Tool '{Name}' returned a '{typeof(T)}', for which its JSON options have no metadata. Under Native AOT, list the type in a " +
                $"JsonSerializerContext ([JsonSerializable(typeof({typeof(T).Name}))]) and pass that context's options in AgentToolOptions.JsonOptions " +
                "(PGEN405 names such types at build time).",
                error);
        }
    }
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

    private JsonSerializerOptions? _serializerOptions;

    /// <summary>
    /// The options a tool writes results with and hands to whoever serializes them after it (an MCP server writes a
    /// tool's <see cref="JsonElement"/> results with them): <see cref="JsonOptions"/>, with the values every result may
    /// hold (<see cref="JsonElement"/>, strings, numbers) resolvable even when the user's context lists only its own types.
    /// </summary>
    internal JsonSerializerOptions SerializerOptions => _serializerOptions ??= JsonOptions switch
    {
        null => DefaultJsonOptions,
        { TypeInfoResolver: null } user => user, // the reflection default fills in when the options are first used
        var user => WithResultValues(user),
    };

    private static JsonSerializerOptions WithResultValues(JsonSerializerOptions user)
    {
        var options = new JsonSerializerOptions(user)
        {
            TypeInfoResolver = System.Text.Json.Serialization.Metadata.JsonTypeInfoResolver.Combine(user.TypeInfoResolver, AgentToolJsonContext.Default),
        };
        options.MakeReadOnly();
        return options;
    }

    /// <summary>
    /// Results as JSON when no options are given: reflection-based where the runtime allows it, with enums as
    /// their names (the schemas name enum members, so the model reads the same words back).
    /// </summary>
    internal static JsonSerializerOptions DefaultJsonOptions { get; } = CreateDefaultJsonOptions();

    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Only when reflection-based serialization is enabled, which Native AOT and trimmed apps turn off by default.")]
    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("AOT", "IL3050", Justification = "Only when reflection-based serialization is enabled, which Native AOT turns off by default.")]
    private static JsonSerializerOptions CreateDefaultJsonOptions()
    {
        // Without reflection, the primitives still resolve (results given back as they are, and the values of
        // JsonElement results); every other result type needs the user's context.
        var options = new JsonSerializerOptions(PatternsGen.EventSourcing.DefaultJsonOptions.Instance)
        {
            TypeInfoResolver = JsonSerializer.IsReflectionEnabledByDefault
                ? System.Text.Json.Serialization.Metadata.JsonTypeInfoResolver.Combine(AgentToolJsonContext.Default, new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver())
                : AgentToolJsonContext.Default,
        };
        if (JsonSerializer.IsReflectionEnabledByDefault)
        {
            options.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()); // under AOT, the user's context says how enums are written
        }

        options.MakeReadOnly();
        return options;
    }
}

/// <summary>Metadata for the values every tool result may hold, so they serialize without reflection.</summary>
[System.Text.Json.Serialization.JsonSerializable(typeof(string))]
[System.Text.Json.Serialization.JsonSerializable(typeof(bool))]
[System.Text.Json.Serialization.JsonSerializable(typeof(int))]
[System.Text.Json.Serialization.JsonSerializable(typeof(long))]
[System.Text.Json.Serialization.JsonSerializable(typeof(float))]
[System.Text.Json.Serialization.JsonSerializable(typeof(double))]
[System.Text.Json.Serialization.JsonSerializable(typeof(decimal))]
[System.Text.Json.Serialization.JsonSerializable(typeof(Guid))]
[System.Text.Json.Serialization.JsonSerializable(typeof(DateTime))]
[System.Text.Json.Serialization.JsonSerializable(typeof(DateTimeOffset))]
[System.Text.Json.Serialization.JsonSerializable(typeof(Uri))]
[System.Text.Json.Serialization.JsonSerializable(typeof(JsonElement))]
internal sealed partial class AgentToolJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
