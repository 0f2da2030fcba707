using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PatternsGen.Roslyn;

namespace PatternsGen.Analyzers.Aggregates;

/// <summary>
/// The mistakes in an <c>[Aggregate]</c> class: Raise of an event no Apply accepts (PGEN201), two Apply
/// methods for one type (PGEN202), an Apply the switch cannot call (PGEN203), SnapshotEvery without a way
/// to capture state (PGEN207), no way to create the aggregate for replay (PGEN208), and a raised event
/// the stores will not know (PGEN209).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AggregateAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.RaisedEventHasNoApply,
        DiagnosticDescriptors.DuplicateApply,
        DiagnosticDescriptors.InvalidApplyShape,
        DiagnosticDescriptors.SnapshotStateNotCapturable,
        DiagnosticDescriptors.AggregateCannotBeCreated,
        DiagnosticDescriptors.RaisedEventNotRegistered);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            if (start.Compilation.GetTypeByMetadataName(KnownTypes.AggregateAttribute) is null)
            {
                return; // PatternsGen is not referenced
            }

            // Apply event types per aggregate, computed once however many Raise calls it has.
            var applied = new ConcurrentDictionary<INamedTypeSymbol, ImmutableArray<ITypeSymbol>>(SymbolEqualityComparer.Default);
            start.RegisterSymbolAction(AnalyzeType, SymbolKind.NamedType);

            // Raise is private or protected, so only code inside an aggregate (or a type derived from or nested in
            // one) can call it: only there are invocations looked at. An operation action for the whole
            // compilation would have every method body of the project bound again for its operations.
            start.RegisterSymbolStartAction(
                symbolStart =>
                {
                    if (CanCallRaise((INamedTypeSymbol)symbolStart.Symbol))
                    {
                        symbolStart.RegisterOperationAction(c => AnalyzeRaise(c, applied), OperationKind.Invocation);
                    }
                },
                SymbolKind.NamedType);
        });
    }

    private static bool CanCallRaise(INamedTypeSymbol type)
    {
        for (var scope = type; scope is not null; scope = scope.ContainingType)
        {
            for (var current = scope; current is not null; current = current.BaseType)
            {
                if (AttributeReader.Has(current, KnownTypes.AggregateAttribute))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static void AnalyzeType(SymbolAnalysisContext context)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        if (AttributeReader.Find(type, KnownTypes.AggregateAttribute) is not { } attribute)
        {
            return;
        }

        var seen = new List<ITypeSymbol>();
        foreach (var method in type.GetMembers(ApplyMethods.Name).OfType<IMethodSymbol>())
        {
            if (method.IsImplicitlyDeclared || method.Locations.FirstOrDefault() is not { IsInSource: true } location)
            {
                continue;
            }

            if (ApplyMethods.Problem(method) is { } problem)
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InvalidApplyShape, location, method.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat), problem));
            }
            else if (ApplyMethods.EventTypeOf(method) is { } eventType)
            {
                if (seen.Any(s => SymbolEqualityComparer.Default.Equals(s, eventType)))
                {
                    context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.DuplicateApply, location, type.Name, eventType.ToDisplayString()));
                }
                else
                {
                    seen.Add(eventType);
                }
            }
        }

        var typeLocation = type.Locations.FirstOrDefault(static l => l.IsInSource) ?? Location.None;
        if (AttributeReader.NamedInt32(attribute, AttributeArguments.SnapshotEvery) is { } every and not 0)
        {
            var where = attribute.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken).GetLocation() ?? typeLocation;
            var reason = every < 0
                ? $"SnapshotEvery is {every} (it must be positive)"
                : SnapshotMethods.StateTypeOf(type) is null
                    ? $"declares no matching '{SnapshotMethods.Create}()' and '{SnapshotMethods.Restore}(state)' pair"
                    : null;
            if (reason is not null)
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.SnapshotStateNotCapturable, where, type.Name, reason));
            }
        }

        if (!type.IsAbstract && type.TypeKind == TypeKind.Class && !type.InstanceConstructors.Any(static c => c.Parameters.Length == 0))
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.AggregateCannotBeCreated, typeLocation, type.Name, "has no parameterless constructor"));
        }
    }

    private static void AnalyzeRaise(OperationAnalysisContext context, ConcurrentDictionary<INamedTypeSymbol, ImmutableArray<ITypeSymbol>> applied)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (invocation.TargetMethod is not { Name: "Raise", Parameters.Length: 1 } raise
            || raise.ContainingType is not { } aggregate
            || !AttributeReader.Has(aggregate, KnownTypes.AggregateAttribute)
            || invocation.Arguments.Length != 1)
        {
            return;
        }

        // The argument arrives converted to object; the type before the conversion is what is raised.
        var value = invocation.Arguments[0].Value;
        var raised = (value is IConversionOperation { IsImplicit: true } conversion ? conversion.Operand : value).Type;
        if (raised is null || raised.SpecialType == SpecialType.System_Object
            || raised.TypeKind is TypeKind.Error or TypeKind.TypeParameter or TypeKind.Dynamic)
        {
            return;
        }

        var raisedExactly = value is IConversionOperation { Operand: IObjectCreationOperation } || raised.IsSealed || raised.IsValueType;
        var eventTypes = applied.GetOrAdd(aggregate, static a => a.GetMembers(ApplyMethods.Name)
            .OfType<IMethodSymbol>()
            .Select(ApplyMethods.EventTypeOf)
            .Where(static t => t is not null)
            .ToImmutableArray()!);

        var compilation = context.Compilation;
        if (eventTypes.Any(e => Matches(compilation, raised, e!)))
        {
            // Applied; but the stores know it only if it has [Event] or an Apply of its very own.
            if (raisedExactly && EventTypeNames.IsStorable(raised) && !AttributeReader.Has(raised, KnownTypes.EventAttribute)
                && !eventTypes.Any(e => SymbolEqualityComparer.Default.Equals(e, raised)))
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.RaisedEventNotRegistered, invocation.Arguments[0].Syntax.GetLocation(), aggregate.Name, raised.ToDisplayString()));
            }

            return;
        }

        if (!raisedExactly && eventTypes.Any(e => Matches(compilation, e!, raised)))
        {
            return; // only the static type is known: a subtype's Apply may handle it at run time
        }

        context.ReportDiagnostic(Diagnostic.Create(
            DiagnosticDescriptors.RaisedEventHasNoApply,
            invocation.Arguments[0].Syntax.GetLocation(),
            ImmutableDictionary<string, string?>.Empty.Add(EventTypeProperty, raised.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)),
            aggregate.Name,
            raised.ToDisplayString()));
    }

    /// <summary>The event type the code fix writes into the Apply stub.</summary>
    public const string EventTypeProperty = "EventType";

    /// <summary>True when a value of <paramref name="from"/> matches the type pattern <paramref name="to"/>.</summary>
    private static bool Matches(Compilation compilation, ITypeSymbol from, ITypeSymbol to)
    {
        if (to.SpecialType == SpecialType.System_Object)
        {
            return true;
        }

        if (compilation is not CSharpCompilation csharp)
        {
            return true; // cannot tell: say nothing
        }

        var conversion = csharp.ClassifyConversion(from, to);
        return conversion.IsIdentity || (conversion.IsImplicit && (conversion.IsReference || conversion.IsBoxing));
    }
}
