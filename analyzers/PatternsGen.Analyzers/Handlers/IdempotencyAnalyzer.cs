using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PatternsGen.Roslyn;

namespace PatternsGen.Analyzers.Handlers;

/// <summary>
/// PGEN002: an <c>[EventHandler]</c> that does something a redelivery would do twice, and is neither
/// <c>[Idempotent]</c> (method or class) nor de-duplicated by the inbox (<c>UseInbox = true</c>). Looks at
/// the operations of the handler's body, lambdas and local functions included:
/// <list type="bullet">
/// <item><c>++</c>, <c>--</c> and compound assignments (<c>+=</c>, …) to fields, properties and elements;</item>
/// <item><c>Add</c>, <c>Insert</c>, <c>Enqueue</c>, <c>Push</c>, <c>Append</c> (and their range/first/last forms) on a
/// collection held in a field or property, sets excepted (adding twice to a set is harmless);</item>
/// <item>calls to <c>[NonIdempotent]</c> methods, <c>IEventBus.PublishAsync</c> among them;</item>
/// <item><c>IEventStore.AppendAsync</c> with <c>ExpectedVersion.Any</c> (with an expected version a repeat is refused).</item>
/// </list>
/// Plain assignments of values are not reported: setting a field to the same value twice changes nothing.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class IdempotencyAnalyzer : DiagnosticAnalyzer
{
    private static readonly ImmutableHashSet<string> Mutators = ImmutableHashSet.Create(
        "Add", "AddRange", "Insert", "InsertRange", "Enqueue", "Push", "Append", "AppendLine", "AddFirst", "AddLast");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.HandlerNotIdempotent);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            if (start.Compilation.GetTypeByMetadataName(KnownTypes.EventHandlerAttribute) is null)
            {
                return; // PatternsGen is not referenced
            }

            var eventStore = start.Compilation.GetTypeByMetadataName(KnownTypes.IEventStore);
            var set = start.Compilation.GetTypeByMetadataName("System.Collections.Generic.ISet`1");

            // Only the bodies of handlers are looked at, so only types that declare one get an operation block
            // action: one for the whole compilation would have every method body bound again for its operations.
            start.RegisterSymbolStartAction(
                symbolStart =>
                {
                    if (DeclaresHandler((INamedTypeSymbol)symbolStart.Symbol))
                    {
                        symbolStart.RegisterOperationBlockAction(block => Analyze(block, eventStore, set));
                    }
                },
                SymbolKind.NamedType);
        });
    }

    private static bool DeclaresHandler(INamedTypeSymbol type)
    {
        foreach (var member in type.GetMembers())
        {
            if (member is IMethodSymbol && AttributeReader.Has(member, KnownTypes.EventHandlerAttribute))
            {
                return true;
            }
        }

        return false;
    }

    private static void Analyze(OperationBlockAnalysisContext context, INamedTypeSymbol? eventStore, INamedTypeSymbol? set)
    {
        if (context.OwningSymbol is not IMethodSymbol method
            || AttributeReader.Find(method, KnownTypes.EventHandlerAttribute) is not { } attribute
            || AttributeReader.NamedBoolean(attribute, AttributeArguments.UseInbox) == true
            || AttributeReader.Has(method, KnownTypes.IdempotentAttribute)
            || AttributeReader.Has(method.ContainingType, KnownTypes.IdempotentAttribute)
            || method.Locations.FirstOrDefault() is not { IsInSource: true } location)
        {
            return;
        }

        var found = new List<(string What, Location Where)>();
        foreach (var block in context.OperationBlocks)
        {
            foreach (var operation in block.DescendantsAndSelf())
            {
                if (NotRepeatable(operation, eventStore, set) is { } what)
                {
                    found.Add((what, operation.Syntax.GetLocation()));
                }
            }
        }

        if (found.Count > 0)
        {
            var more = found.Count == 1 ? "" : $" (and does {found.Count - 1} more such thing{(found.Count == 2 ? "" : "s")})";
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.HandlerNotIdempotent, location, found.Select(static f => f.Where), method.Name, found[0].What, more));
        }
    }

    /// <summary>What <paramref name="operation"/> does that doubles when repeated, or null.</summary>
    private static string? NotRepeatable(IOperation operation, INamedTypeSymbol? eventStore, INamedTypeSymbol? set)
    {
        switch (operation)
        {
            case IIncrementOrDecrementOperation { Target: var target } when IsState(target):
                return $"{(operation.Kind is OperationKind.Increment ? "increments" : "decrements")} '{target.Syntax}'";
            case ICompoundAssignmentOperation { Target: var target } when IsState(target):
                return $"updates '{target.Syntax}' from its own value";
            case IInvocationOperation invocation:
                var called = invocation.TargetMethod;
                if (HasNonIdempotent(called))
                {
                    return $"calls '{called.ContainingType.Name}.{called.Name}', which is [NonIdempotent]";
                }

                if (called.Name == "AppendAsync" && eventStore is not null && Implements(called.ContainingType, eventStore)
                    && invocation.Arguments.FirstOrDefault(static a => a.Parameter?.Name == "expectedVersion") is { Value.ConstantValue: { HasValue: true, Value: -1L } })
                {
                    return "appends to the event store with ExpectedVersion.Any";
                }

                if (!called.IsStatic && Mutators.Contains(called.Name) && invocation.Instance is { } instance && IsState(instance)
                    && !(set is not null && instance.Type is { } collection && (Implements(collection, set))))
                {
                    return $"calls '{instance.Syntax}.{called.Name}'";
                }

                return null;
            default:
                return null;
        }
    }

    /// <summary>A field, property or element: state that outlives the handler call (locals do not).</summary>
    private static bool IsState(IOperation target) =>
        target is IFieldReferenceOperation or IPropertyReferenceOperation or IArrayElementReferenceOperation;

    private static bool HasNonIdempotent(IMethodSymbol method)
    {
        for (var current = method.OriginalDefinition; current is not null; current = current.OverriddenMethod?.OriginalDefinition)
        {
            if (AttributeReader.Has(current, KnownTypes.NonIdempotentAttribute))
            {
                return true;
            }
        }

        // An implementation of a [NonIdempotent] interface method.
        return method.ContainingType.AllInterfaces
            .SelectMany(static i => i.GetMembers().OfType<IMethodSymbol>())
            .Any(m => AttributeReader.Has(m, KnownTypes.NonIdempotentAttribute)
                      && SymbolEqualityComparer.Default.Equals(method.ContainingType.FindImplementationForInterfaceMember(m), method.OriginalDefinition));
    }

    private static bool Implements(ITypeSymbol type, INamedTypeSymbol @interface) =>
        SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, @interface)
        || type.AllInterfaces.Any(i => SymbolEqualityComparer.Default.Equals(i.OriginalDefinition, @interface));
}
