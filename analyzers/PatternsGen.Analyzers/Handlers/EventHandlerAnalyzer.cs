using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PatternsGen.Roslyn;

namespace PatternsGen.Analyzers.Handlers;

/// <summary>
/// The mistakes in <c>[EventHandler]</c> methods: a signature the bus cannot call (PGEN301), <c>async void</c>
/// (PGEN302), a topic no event of the project is named (PGEN303), a topic whose events are not of the
/// parameter's type (PGEN304), and two handlers of one class for the same event (PGEN305). Reported on the
/// handler's name.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class EventHandlerAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.InvalidHandlerShape,
        DiagnosticDescriptors.AsyncVoidHandler,
        DiagnosticDescriptors.UnknownTopic,
        DiagnosticDescriptors.TopicTypeMismatch,
        DiagnosticDescriptors.DuplicateHandler);

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

            // Topics are checked at the end, against every event name of the compilation.
            var eventNames = new ConcurrentDictionary<string, byte>(System.StringComparer.Ordinal);
            var topics = new ConcurrentBag<(string Topic, IMethodSymbol Handler, Location Location)>();
            start.RegisterSymbolAction(symbol => AnalyzeType(symbol, eventNames, topics), SymbolKind.NamedType);
            start.RegisterCompilationEndAction(end =>
            {
                foreach (var (topic, handler, location) in topics)
                {
                    if (!eventNames.ContainsKey(topic))
                    {
                        end.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.UnknownTopic, location, handler.Name, topic));
                    }
                }
            });
        });
    }

    private static void AnalyzeType(
        SymbolAnalysisContext context,
        ConcurrentDictionary<string, byte> eventNames,
        ConcurrentBag<(string, IMethodSymbol, Location)> topics)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        if (AttributeReader.Has(type, KnownTypes.EventAttribute))
        {
            eventNames.TryAdd(EventTypeNames.NameOf(type), 0);
        }

        var seen = new Dictionary<string, IMethodSymbol>(System.StringComparer.Ordinal);
        foreach (var method in type.GetMembers().OfType<IMethodSymbol>())
        {
            if (AttributeReader.Find(method, KnownTypes.EventHandlerAttribute) is not { } attribute
                || method.Locations.FirstOrDefault() is not { IsInSource: true } location)
            {
                continue;
            }

            if (method.IsAsync && method.ReturnsVoid)
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.AsyncVoidHandler, location, method.Name));
                continue;
            }

            if (HandlerMethods.ShapeProblem(method, out var eventType, out _, out _) is { } problem)
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InvalidHandlerShape, location, method.Name, problem));
                continue;
            }

            string what;
            if (AttributeReader.ConstructorString(attribute, 0) is { } topic)
            {
                what = $"topic '{topic}'";
                topics.Add((topic, method, location));
                if (AttributeReader.Has(eventType!, KnownTypes.EventAttribute) && EventTypeNames.NameOf(eventType!) is var named && named != topic)
                {
                    context.ReportDiagnostic(Diagnostic.Create(
                        DiagnosticDescriptors.TopicTypeMismatch, location, method.Name, topic, eventType!.ToDisplayString(), named));
                }
            }
            else
            {
                what = $"'{eventType!.ToDisplayString()}'";
            }

            if (seen.TryGetValue(what, out var first))
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.DuplicateHandler, location, method.Name, what, first.Name));
            }
            else
            {
                seen.Add(what, method);
            }
        }
    }
}
