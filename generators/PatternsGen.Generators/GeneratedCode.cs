using System.Reflection;

namespace PatternsGen.Generators;

/// <summary>What every generated type carries: the tool and version that wrote it.</summary>
internal static class GeneratedCode
{
    public static readonly string Version =
        typeof(GeneratedCode).Assembly.GetName().Version?.ToString() ?? "0.0.0.0";

    public static readonly string Attribute =
        $"[global::System.CodeDom.Compiler.GeneratedCode(\"PatternsGen\", \"{Version}\")]";
}
