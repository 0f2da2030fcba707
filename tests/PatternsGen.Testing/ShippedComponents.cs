using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PatternsGen.Testing;

/// <summary>
/// Every generator and every analyzer the package ships, found in their assemblies, so a new one is covered
/// (by the fuzzer, by the scale benchmarks) without a change anywhere else.
/// </summary>
public static class ShippedComponents
{
    public static ImmutableArray<IIncrementalGenerator> Generators { get; } =
        Create<IIncrementalGenerator>(typeof(PatternsGen.Generators.TrackingNames).Assembly);

    public static ImmutableArray<DiagnosticAnalyzer> Analyzers { get; } =
        Create<DiagnosticAnalyzer>(typeof(PatternsGen.Analyzers.Agents.AgentToolAnalyzer).Assembly);

    private static ImmutableArray<T> Create<T>(System.Reflection.Assembly assembly) =>
    [
        .. assembly.GetTypes()
            .Where(static t => typeof(T).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
            .OrderBy(static t => t.Name, StringComparer.Ordinal)
            .Select(static t => (T)Activator.CreateInstance(t)!),
    ];
}
