using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using PatternsGen.Generators.Handlers.Model;
using PatternsGen.Roslyn;

namespace PatternsGen.Generators.Handlers;

/// <summary>Symbols → <see cref="EventHandlerClassModel"/>. Nothing Roslyn-typed leaves this class.</summary>
internal static class EventHandlerParser
{
    /// <summary>
    /// The model of the class declaring the attributed method (every <c>[EventHandler]</c> of it; called for
    /// the first such method of each class only, see <see cref="ClassModels"/>). Null when nothing can be generated:
    /// not partial (PGEN900), generic, or no callable handler. Handlers of the wrong shape are left out
    /// (the analyzers report them).
    /// </summary>
    public static EventHandlerClassModel? Parse(GeneratorAttributeSyntaxContext context, CancellationToken ct)
    {
        if (context.TargetSymbol is not IMethodSymbol { ContainingType: { TypeKind: TypeKind.Class, IsGenericType: false } type }
            || !PartialTypes.CanGenerateInto(type))
        {
            return null;
        }

        var handlers = new List<EventHandlerModel>();
        foreach (var method in type.GetMembers().OfType<IMethodSymbol>())
        {
            ct.ThrowIfCancellationRequested();
            if (AttributeReader.Find(method, KnownTypes.EventHandlerAttribute) is { } attribute
                && HandlerMethods.ShapeProblem(method, out var eventType, out var parameters, out var returns) is null)
            {
                handlers.Add(new EventHandlerModel(
                    method.Name,
                    TypeRef.From(eventType!),
                    AttributeReader.ConstructorString(attribute, 0),
                    parameters,
                    returns,
                    AttributeReader.NamedBoolean(attribute, AttributeArguments.UseInbox) ?? false));
            }
        }

        if (handlers.Count == 0)
        {
            return null;
        }

        var typeRef = TypeRef.From(type);
        return new EventHandlerClassModel(HierarchyInfo.From(type), typeRef, typeRef.FullyQualifiedName.Substring("global::".Length), handlers.ToEquatableArray());
    }
}
