using System.Collections;
using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit.Sdk;

namespace PatternsGen.Testing;

/// <summary>
/// Incremental-caching checks: a generator must do no work twice. Run it, change the compilation
/// (or only clone it), run it again, and read the reason each tracked step gives for its outputs.
/// </summary>
public static class IncrementalGeneratorHarness
{
    /// <summary>
    /// Runs <paramref name="generator"/> on <paramref name="sources"/>, then again on a clone of the same
    /// compilation, and fails unless every output of every named step (at least one must run) is
    /// Cached or Unchanged, every source output is Cached, and no step output holds a Roslyn object.
    /// </summary>
    public static void AssertCachedOnRerun(IIncrementalGenerator generator, IEnumerable<string> trackingNames, params string[] sources)
    {
        var names = trackingNames.ToArray();
        var first = GeneratorRun.Create(generator, sources);
        var firstSteps = first.Result.Results.Single().TrackedSteps;
        AssertTracked(firstSteps, names);
        foreach (var name in names)
        {
            foreach (var step in firstSteps[name])
            {
                AssertNoRoslynObjects(step, name);
            }
        }

        var second = first.Driver.RunGenerators(first.Input.Clone()).GetRunResult().Results.Single();
        var problems = new List<string>();
        foreach (var name in names)
        {
            foreach (var (reason, index) in Reasons(second.TrackedSteps, name).Select((r, i) => (r, i)))
            {
                if (reason is not (IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged))
                {
                    problems.Add($"step '{name}' output {index}: {reason}");
                }
            }
        }

        foreach (var output in second.TrackedOutputSteps.SelectMany(static p => p.Value).SelectMany(static s => s.Outputs))
        {
            if (output.Reason != IncrementalStepRunReason.Cached)
            {
                problems.Add($"source output: {output.Reason}");
            }
        }

        if (problems.Count > 0)
        {
            throw new XunitException($"The second run on an unchanged compilation redid work:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
        }
    }

    /// <summary>
    /// The run reasons of each named step after <paramref name="edit"/> is applied to the compilation of
    /// <paramref name="first"/> — for named edit scenarios ("an unrelated file added", "one Apply added").
    /// </summary>
    public static IReadOnlyDictionary<string, ImmutableArray<IncrementalStepRunReason>> RerunAfter(
        GeneratorRun first, Func<CSharpCompilation, CSharpCompilation> edit, params string[] trackingNames)
    {
        var rerun = first.Driver.RunGenerators(edit(first.Input)).GetRunResult().Results.Single();
        return trackingNames.ToDictionary(static n => n, n => Reasons(rerun.TrackedSteps, n));
    }

    /// <summary>Fails when <paramref name="value"/> (walked through its fields, collections included) holds a symbol, syntax node, semantic model or compilation.</summary>
    public static void AssertNoRoslynObjects(object? value, string where)
    {
        var visited = new HashSet<object>(ReferenceEqualityComparer.Instance);
        Walk(value, where, visited, depth: 0);
    }

    private static ImmutableArray<IncrementalStepRunReason> Reasons(
        ImmutableDictionary<string, ImmutableArray<IncrementalGeneratorRunStep>> steps, string name) =>
        steps.TryGetValue(name, out var runs)
            ? [.. runs.SelectMany(static r => r.Outputs).Select(static o => o.Reason)]
            : [];

    private static void AssertTracked(ImmutableDictionary<string, ImmutableArray<IncrementalGeneratorRunStep>> steps, string[] names)
    {
        var missing = names.Where(n => !steps.ContainsKey(n)).ToArray();
        if (missing.Length > 0)
        {
            throw new XunitException(
                $"Tracked step(s) {string.Join(", ", missing)} did not run. Steps that ran: {string.Join(", ", steps.Keys)}");
        }
    }

    private static void Walk(object? value, string path, HashSet<object> visited, int depth)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || depth > 32)
        {
            return;
        }

        if (value is ISymbol or SyntaxNode or SemanticModel or Compilation or SyntaxTree)
        {
            throw new XunitException($"{path} holds a {value.GetType().Name}: models must be plain values, or every edit reruns the generator.");
        }

        if (!value.GetType().IsValueType && !visited.Add(value))
        {
            return;
        }

        if (value is IncrementalGeneratorRunStep step)
        {
            // The step's own inputs point back at other steps; only what it produced belongs to the model.
            foreach (var (output, i) in step.Outputs.Select((o, i) => (o, i)))
            {
                Walk(output.Value, $"{path}.Outputs[{i}]", visited, depth + 1);
            }

            return;
        }

        if (value is IEnumerable items)
        {
            var index = 0;
            foreach (var item in items)
            {
                Walk(item, $"{path}[{index++}]", visited, depth + 1);
            }

            return;
        }

        for (var type = value.GetType(); type is not null && type != typeof(object); type = type.BaseType)
        {
            foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                Walk(field.GetValue(value), $"{path}.{field.Name}", visited, depth + 1);
            }
        }
    }
}
