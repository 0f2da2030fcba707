using System.Reflection;
using Microsoft.CodeAnalysis;

namespace PatternsGen.Analyzers.Tests.General;

/// <summary>The catalogue stays complete: every descriptor has its page, its index row, a working help link and an analyzer that reports it.</summary>
public sealed class DiagnosticCatalogueTests
{
    private static readonly DiagnosticDescriptor[] Descriptors = typeof(DiagnosticDescriptors)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(static f => f.FieldType == typeof(DiagnosticDescriptor))
        .Select(static f => (DiagnosticDescriptor)f.GetValue(null)!)
        .ToArray();

    public static TheoryData<string> Ids() => [.. Descriptors.Select(static d => d.Id)];

    [Theory]
    [MemberData(nameof(Ids))]
    public void Each_diagnostic_has_a_page_an_index_row_and_a_help_link_to_the_page(string id)
    {
        var descriptor = Descriptors.Single(d => d.Id == id);
        var docs = Path.Combine(PatternsGen.Tests.Repository.Root, "docs", "diagnostics");

        var page = File.ReadAllText(Path.Combine(docs, id + ".md"));
        Assert.StartsWith($"# {id}: {descriptor.Title}", page, StringComparison.Ordinal);
        Assert.Contains($"| [{id}]({id}.md) |", File.ReadAllText(Path.Combine(docs, "index.md")), StringComparison.Ordinal);
        Assert.Equal(DiagnosticDescriptors.HelpLinkBase + id + ".md", descriptor.HelpLinkUri);
    }

    [Fact]
    public void Every_descriptor_is_reported_by_exactly_one_analyzer()
    {
        var supported = typeof(DiagnosticDescriptors).Assembly.GetTypes()
            .Where(static t => !t.IsAbstract && typeof(Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer).IsAssignableFrom(t))
            .SelectMany(static t => ((Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer)Activator.CreateInstance(t)!).SupportedDiagnostics)
            .Select(static d => d.Id)
            .ToList();

        Assert.Equal(Descriptors.Select(static d => d.Id).Order(), supported.Order());
    }
}
