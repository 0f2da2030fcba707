using Microsoft.CodeAnalysis;

namespace PatternsGen.Analyzers;

/// <summary>The one place descriptors are created; each links to its page under docs/diagnostics/.</summary>
internal static class DiagnosticDescriptors
{
    internal const string HelpLinkBase = "https://github.com/patternsgen/PatternsGen/blob/main/docs/diagnostics/";

    private const string Usage = "PatternsGen.Usage";

    public static readonly DiagnosticDescriptor TypeMustBePartial = Create(
        DiagnosticIds.TypeMustBePartial,
        "Type must be partial for PatternsGen to generate into it",
        "Type '{0}' must be declared partial so that PatternsGen can generate {1} into it",
        Usage,
        DiagnosticSeverity.Error,
        "PatternsGen adds members to types that use its attributes ([Saga], [Aggregate], [Projection], " +
        "[EventHandler], [AgentTool]) through partial declarations. The type, and every type containing it, " +
        "must be declared with the 'partial' modifier.");

    private static DiagnosticDescriptor Create(
        string id, string title, string message, string category, DiagnosticSeverity severity, string description) =>
        new(id, title, message, category, severity, isEnabledByDefault: true, description, HelpLinkBase + id + ".md");
}
