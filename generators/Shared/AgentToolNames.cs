using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;

namespace PatternsGen.Roslyn;

/// <summary>
/// How an agent tool is named and described, and which methods can be tools: shared by the tool generator
/// and the tool analyzer (PGEN401–404) so they never disagree.
/// </summary>
internal static class AgentToolNames
{
    /// <summary>The tool's name: the attribute's, or the method's in snake_case.</summary>
    public static string NameOf(IMethodSymbol method, AttributeData attribute) =>
        AttributeReader.ConstructorString(attribute, 0) ?? SnakeCase(method.Name);

    /// <summary>The description: the attribute's, else <c>[Description]</c>, else the XML summary; null when none.</summary>
    public static string? DescriptionOf(IMethodSymbol method, AttributeData attribute) =>
        AttributeReader.NamedString(attribute, AttributeArguments.Description) is { Length: > 0 } given ? given
        : DocumentationText.DescriptionAttribute(method) ?? DocumentationText.Summary(method);

    /// <summary>Whether <paramref name="method"/> has a description, by the rule of <see cref="DescriptionOf"/>, without reading its text.</summary>
    public static bool HasDescription(IMethodSymbol method, AttributeData attribute, SyntaxNode declaration) =>
        AttributeReader.NamedString(attribute, AttributeArguments.Description) is { Length: > 0 }
        || DocumentationText.DescriptionAttribute(method) is not null
        || DocumentationText.HasSummary(declaration);

    /// <summary>Letters, digits, '_' and '-', 1 to 64 of them: what model APIs accept.</summary>
    public static bool IsValid(string name) =>
        name.Length is >= 1 and <= 64 && name.All(static c => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_' or '-');

    /// <summary>Why the generator cannot call <paramref name="method"/> as a tool (apart from its parameters), or null.</summary>
    public static string? MethodProblem(IMethodSymbol method) =>
        method.IsStatic ? "it is static (tools are instance methods)"
        : method.IsGenericMethod ? "it is generic"
        : method.IsAsync && method.ReturnsVoid ? "it is 'async void'"
        : method.Parameters.Any(static p => p.RefKind != RefKind.None) ? "a parameter is ref, in or out"
        : null;

    /// <summary>
    /// A result the runtime writes without the user's JSON metadata: strings, booleans and integers go back as
    /// they are; the other scalars (and <c>JsonElement</c>) are in the runtime's own context.
    /// </summary>
    public static bool IsWrittenWithoutMetadata(ITypeSymbol type)
    {
        if (type.SpecialType is SpecialType.System_String or SpecialType.System_Boolean or SpecialType.System_Int32 or SpecialType.System_Int64
            or SpecialType.System_Single or SpecialType.System_Double or SpecialType.System_Decimal or SpecialType.System_DateTime)
        {
            return true;
        }

        return type is INamedTypeSymbol { ContainingNamespace: { } ns } named
            && (ns.ToDisplayString() == "System" && named.Name is "Guid" or "DateTimeOffset" or "Uri"
                || ns.ToDisplayString() == "System.Text.Json" && named.Name == "JsonElement");
    }

    /// <summary>SearchOrders → search_orders; GetHTTPStatus → get_http_status.</summary>
    public static string SnakeCase(string name)
    {
        var text = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                var wordStart = i > 0 && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]) && char.IsUpper(name[i - 1])));
                if (wordStart && text.Length > 0 && text[text.Length - 1] != '_')
                {
                    text.Append('_');
                }

                text.Append(char.ToLowerInvariant(c));
            }
            else
            {
                text.Append(c);
            }
        }

        return text.ToString();
    }
}
