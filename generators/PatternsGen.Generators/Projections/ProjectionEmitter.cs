using Microsoft.CodeAnalysis.CSharp;
using PatternsGen.Generators.Projections.Model;
using PatternsGen.Roslyn;

namespace PatternsGen.Generators.Projections;

/// <summary><see cref="ProjectionModel"/> → the class's <c>IProjection</c> implementation. Pure text: no Roslyn types.</summary>
internal static class ProjectionEmitter
{
    public static string Emit(ProjectionModel model)
    {
        var writer = new SourceWriter();
        writer.WriteFileHeader();
        model.Hierarchy.WriteOpen(writer, " : global::PatternsGen.Projections.IProjection");
        writer.WriteLine($$"""
            /// <summary>The name this projection's checkpoint is kept under.</summary>
            {{GeneratedCode.Attribute}}
            public string ProjectionName => {{SymbolDisplay.FormatLiteral(model.Name, quote: true)}};

            /// <summary>Projects <paramref name="recorded"/> through the <c>Project</c> method for its type (the most specific first); other events are passed over.</summary>
            {{GeneratedCode.Attribute}}
            public global::System.Threading.Tasks.ValueTask ProjectAsync(global::PatternsGen.EventSourcing.RecordedEvent recorded, global::System.Threading.CancellationToken ct)
            {
                switch (recorded.Data)
                {
            """);
        writer.Indentation += 2;
        foreach (var method in model.Methods)
        {
            var arguments = method.Parameters switch
            {
                HandlerParameters.Event => "e",
                HandlerParameters.EventAndToken => "e, ct",
                _ => "e, recorded, ct",
            };
            writer.WriteLine($"case {method.EventType.FullyQualifiedName} e:");
            writer.Indentation++;
            switch (method.Returns)
            {
                case HandlerReturn.Void:
                    writer.WriteLine($"{ProjectionParser.ProjectMethod}({arguments});");
                    writer.WriteLine("return default;");
                    break;
                case HandlerReturn.Task:
                    writer.WriteLine($"return new global::System.Threading.Tasks.ValueTask({ProjectionParser.ProjectMethod}({arguments}));");
                    break;
                default:
                    writer.WriteLine($"return {ProjectionParser.ProjectMethod}({arguments});");
                    break;
            }

            writer.Indentation--;
        }

        writer.WriteLine("default:");
        writer.WriteLine("    return default;");
        writer.Indentation -= 2;
        writer.WriteLine("""
                }
            }
            """);

        // Without a ResetAsync of its own, the projection keeps the interface's, which refuses a rebuild by name.
        var reset = model.Reset switch
        {
            HandlerReturn.Task => $"new global::System.Threading.Tasks.ValueTask({ProjectionParser.ResetMethod}(ct))",
            HandlerReturn.ValueTask => $"{ProjectionParser.ResetMethod}(ct)",
            _ => null,
        };
        if (reset is not null)
        {
            writer.WriteLine();
            writer.WriteLine($$"""
                {{GeneratedCode.Attribute}}
                global::System.Threading.Tasks.ValueTask global::PatternsGen.Projections.IProjection.ResetAsync(global::System.Threading.CancellationToken ct) =>
                    {{reset}};
                """);
        }

        model.Hierarchy.WriteClose(writer);
        return writer.ToString();
    }
}
