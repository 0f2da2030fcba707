using PatternsGen.Roslyn;

namespace PatternsGen.Generators.Agents.Model;

/// <summary>A class with <c>[AgentTool]</c> methods.</summary>
/// <remarks>Must stay immutable and structurally equal, with no symbols or syntax: incremental caching compares it.</remarks>
internal sealed record AgentToolClassModel(HierarchyInfo Hierarchy, TypeRef Type, EquatableArray<AgentToolModel> Tools);

/// <summary>Every tool class of the compilation, for the registry and <c>AddPatternsGenAgentTools()</c>.</summary>
/// <remarks>Must stay immutable and structurally equal: incremental caching compares it.</remarks>
internal sealed record AgentToolRegistryModel(EquatableArray<TypeRef> Classes, bool HasServiceCollection);

/// <summary>One tool.</summary>
/// <param name="Method">The method's name.</param>
/// <param name="Name">The tool's name as the model sees it.</param>
/// <param name="Description">What it does.</param>
/// <param name="Parameters">Every parameter, in order, bound and injected.</param>
/// <param name="Returns">How the method returns.</param>
/// <param name="Result">What it returns, when it returns a value.</param>
/// <param name="RequiresApproval"><c>RequiresApproval = true</c>.</param>
/// <remarks>Must stay immutable and structurally equal: incremental caching compares it.</remarks>
internal sealed record AgentToolModel(
    string Method, string Name, string Description, EquatableArray<ToolParameterModel> Parameters, ToolReturn Returns, TypeRef? Result, bool RequiresApproval);

/// <summary>One parameter.</summary>
/// <param name="Name">Its name, which is the schema's property name.</param>
/// <param name="Kind">Bound from the call's arguments, or passed in by the runtime.</param>
/// <param name="Type">What it is, for a bound parameter.</param>
/// <param name="Description">Its description, if any.</param>
/// <param name="Default">Its default value: a C# expression and a JSON literal; null when it is required.</param>
/// <remarks>Must stay immutable and structurally equal: incremental caching compares it.</remarks>
internal sealed record ToolParameterModel(string Name, ToolParameterKind Kind, ToolValueType? Type, string? Description, ToolDefault? Default)
{
    public bool IsBound => Kind == ToolParameterKind.Bound;
}

/// <summary>Where a tool parameter's value comes from.</summary>
internal enum ToolParameterKind
{
    /// <summary>The call's arguments, as the schema describes it.</summary>
    Bound,

    /// <summary>The call's cancellation token; not in the schema.</summary>
    CancellationToken,

    /// <summary>The call's <c>IServiceProvider</c>; not in the schema.</summary>
    Services,
}

/// <summary>How a tool method returns.</summary>
internal enum ToolReturn
{
    Void,
    Value,
    Task,
    TaskOfValue,
    ValueTask,
    ValueTaskOfValue,
}
