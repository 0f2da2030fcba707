using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using PatternsGen.Generators.Agents.Model;
using PatternsGen.Roslyn;

namespace PatternsGen.Generators.Agents;

/// <summary>Symbols → <see cref="AgentToolClassModel"/>. Nothing Roslyn-typed leaves this class.</summary>
internal static class AgentToolParser
{
    /// <summary>
    /// The model of the class declaring the attributed method (every tool of it). Null when nothing can be
    /// generated (not partial, generic, no usable tool). A tool the generator cannot bind (a parameter type
    /// it does not support, an invalid or repeated name, a static or generic method) is left out; PGEN401–404
    /// say why.
    /// </summary>
    public static AgentToolClassModel? Parse(GeneratorAttributeSyntaxContext context, CancellationToken ct)
    {
        if (context.TargetSymbol is not IMethodSymbol { ContainingType: { TypeKind: TypeKind.Class, IsGenericType: false } type }
            || !PartialTypes.CanGenerateInto(type))
        {
            return null;
        }

        var tools = new List<AgentToolModel>();
        foreach (var method in type.GetMembers().OfType<IMethodSymbol>())
        {
            ct.ThrowIfCancellationRequested();
            if (AttributeReader.Find(method, KnownTypes.AgentToolAttribute) is { } attribute
                && ParseTool(method, attribute) is { } tool
                && !tools.Any(t => t.Name == tool.Name))
            {
                tools.Add(tool);
            }
        }

        return tools.Count == 0 ? null : new AgentToolClassModel(HierarchyInfo.From(type), TypeRef.From(type), tools.ToEquatableArray());
    }

    private static AgentToolModel? ParseTool(IMethodSymbol method, AttributeData attribute)
    {
        var name = AgentToolNames.NameOf(method, attribute);
        if (!AgentToolNames.IsValid(name) || AgentToolNames.MethodProblem(method) is not null)
        {
            return null;
        }

        var parameters = new List<ToolParameterModel>();
        foreach (var parameter in method.Parameters)
        {
            if (SagaSteps.IsCancellationToken(parameter.Type))
            {
                parameters.Add(new ToolParameterModel(parameter.Name, ToolParameterKind.CancellationToken, null, null, null));
            }
            else if (AgentToolTypes.IsServiceProvider(parameter.Type))
            {
                parameters.Add(new ToolParameterModel(parameter.Name, ToolParameterKind.Services, null, null, null));
            }
            else if (AgentToolTypes.Classify(parameter.Type) is { } valueType)
            {
                var description = DocumentationText.DescriptionAttribute(parameter) ?? DocumentationText.Parameter(method, parameter.Name);
                parameters.Add(new ToolParameterModel(parameter.Name, ToolParameterKind.Bound, valueType, description, AgentToolTypes.DefaultOf(parameter, valueType)));
            }
            else
            {
                return null; // PGEN401
            }
        }

        var (returns, result) = ReturnOf(method.ReturnType);
        return new AgentToolModel(
            method.Name, name, AgentToolNames.DescriptionOf(method, attribute) ?? "", parameters.ToEquatableArray(), returns, result,
            AttributeReader.NamedBoolean(attribute, AttributeArguments.RequiresApproval) ?? false);
    }

    private static (ToolReturn, TypeRef?) ReturnOf(ITypeSymbol type)
    {
        if (type.SpecialType == SpecialType.System_Void)
        {
            return (ToolReturn.Void, null);
        }

        if (SagaSteps.IsAwaitable(type, out var awaited))
        {
            var valueTask = type.Name == "ValueTask";
            return awaited is null
                ? (valueTask ? ToolReturn.ValueTask : ToolReturn.Task, null)
                : (valueTask ? ToolReturn.ValueTaskOfValue : ToolReturn.TaskOfValue, TypeRef.From(awaited));
        }

        return (ToolReturn.Value, TypeRef.From(type));
    }
}
