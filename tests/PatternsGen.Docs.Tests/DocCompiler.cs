using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using PatternsGen.Testing;

namespace PatternsGen.Docs.Tests;

/// <summary>Compiles a block as a reader's console project would: implicit usings, the packages, the generators and analyzers.</summary>
public static class DocCompiler
{
    // What `dotnet new console` turns on (ImplicitUsings); a page's own usings come on top.
    private const string ImplicitUsings = """
        global using global::System;
        global using global::System.Collections.Generic;
        global using global::System.IO;
        global using global::System.Linq;
        global using global::System.Net.Http;
        global using global::System.Threading;
        global using global::System.Threading.Tasks;
        """;

    private static readonly ImmutableArray<MetadataReference> References =
    [
        .. TestReferences.All,
        .. new[]
        {
            typeof(PatternsGen.EventStore.Sqlite.SqliteEventStore),
            typeof(Microsoft.Data.Sqlite.SqliteConnection),
            typeof(PatternsGen.EventStore.PostgreSql.PostgresEventStore),
            typeof(Npgsql.NpgsqlConnection),
            typeof(PatternsGen.Agents.McpAgentTools),
            typeof(ModelContextProtocol.Server.McpServer),
            typeof(ModelContextProtocol.Protocol.Tool),
            typeof(Microsoft.Extensions.DependencyInjection.ServiceCollection),
            typeof(Microsoft.Extensions.DependencyInjection.ServiceCollectionContainerBuilderExtensions),
            typeof(PatternsGen.Hosting.PatternsGenHostingBuilder),
            typeof(PatternsGen.Messaging.RabbitMQ.RabbitMqEventBus),
            typeof(RabbitMQ.Client.IConnection),
            typeof(OpenTelemetry.Trace.TracerProviderBuilder),
            typeof(OpenTelemetry.Sdk),
            typeof(Microsoft.Extensions.DependencyInjection.OpenTelemetryServicesExtensions),
        }.Select(static t => t.Assembly.Location)
            .Concat(AspNetCore())
            .Distinct().Select(static p => MetadataReference.CreateFromFile(p)),
    ];

    // A web project's framework (`dotnet new web`): every assembly of the ASP.NET Core shared framework, whose
    // Microsoft.Extensions assemblies the test process also runs on.
    private static IEnumerable<string> AspNetCore() =>
        Directory.GetFiles(Path.GetDirectoryName(typeof(Microsoft.AspNetCore.Builder.WebApplication).Assembly.Location)!, "*.dll")
            .Where(static p => Path.GetFileName(p).StartsWith("Microsoft.", StringComparison.Ordinal));

    // System.Text.Json's source generator, as the SDK runs it in a reader's project.
    private static readonly Lazy<ImmutableArray<ISourceGenerator>> JsonGenerators = new(static () =>
    {
        var path = typeof(DocCompiler).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>().Single(static a => a.Key == "JsonSourceGenerator").Value!;
        return new AnalyzerFileReference(path, new Loader()).GetGenerators(LanguageNames.CSharp);
    });

    private static readonly Dictionary<string, ReportDiagnostic> Quiet = new()
    {
        ["CS1701"] = ReportDiagnostic.Suppress, // reference unification, as MSBuild's NoWarn
        ["CS1702"] = ReportDiagnostic.Suppress,
    };

    /// <summary>The errors, and the PatternsGen diagnostics, of <paramref name="block"/> compiled with its glue.</summary>
    public static async Task<IReadOnlyList<Diagnostic>> CompileAsync(DocBlock block, IReadOnlyDictionary<string, string> glue)
    {
        var parse = TestReferences.ParseOptions;
        var code = block.Code;
        var files = new List<SyntaxTree> { CSharpSyntaxTree.ParseText(ImplicitUsings, parse, path: "GlobalUsings.cs") };
        foreach (var name in block.Glue)
        {
            if (!glue.TryGetValue(name, out var text))
            {
                throw new InvalidOperationException($"{block}: no glue named '{name}' on the page.");
            }

            if (text.Contains(MarkdownPages.BlockPlaceholder, StringComparison.Ordinal))
            {
                code = text.Replace(MarkdownPages.BlockPlaceholder, code, StringComparison.Ordinal);
            }
            else
            {
                files.Add(CSharpSyntaxTree.ParseText(text, parse, path: $"{name}.glue.cs"));
            }
        }

        var main = CSharpSyntaxTree.ParseText(code, parse, path: block.ToString());
        files.Add(main);
        var program = main.GetRoot().DescendantNodes().OfType<GlobalStatementSyntax>().Any();
        var compilation = CSharpCompilation.Create(
            "Docs",
            files,
            References,
            new CSharpCompilationOptions(program ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
                .WithSpecificDiagnosticOptions(Quiet));

        CSharpGeneratorDriver.Create([.. ShippedComponents.Generators.Select(static g => g.AsSourceGenerator()), .. JsonGenerators.Value], parseOptions: parse)
            .RunGeneratorsAndUpdateCompilation(compilation, out var generated, out var generatorDiagnostics);
        var analyzed = await generated.WithAnalyzers(ShippedComponents.Analyzers).GetAllDiagnosticsAsync();
        return
        [
            .. generatorDiagnostics.Concat(analyzed)
                .Where(static d => d.Severity == DiagnosticSeverity.Error || d.Id.StartsWith("PGEN", StringComparison.Ordinal))
                .Distinct()
                .OrderBy(static d => d.Location.SourceSpan.Start),
        ];
    }

    private sealed class Loader : IAnalyzerAssemblyLoader
    {
        public void AddDependencyLocation(string fullPath)
        {
        }

        public System.Reflection.Assembly LoadFromPath(string fullPath) => System.Reflection.Assembly.LoadFrom(fullPath);
    }
}
