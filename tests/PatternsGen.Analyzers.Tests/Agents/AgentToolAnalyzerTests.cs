using Verify = PatternsGen.Testing.AnalyzerVerifier<PatternsGen.Analyzers.Agents.AgentToolAnalyzer>;

namespace PatternsGen.Analyzers.Tests.Agents;

public sealed class AgentToolAnalyzerTests
{
    [Fact]
    public async Task Unsupported_parameters_and_methods_bad_or_repeated_names_and_missing_descriptions_are_reported()
    {
        await Verify.VerifyAsync("""
            using System;
            using System.Collections.Generic;
            using System.ComponentModel;
            using System.Threading;
            using System.Threading.Tasks;
            using PatternsGen;

            public sealed class Blob { public Blob(System.IO.Stream data) { } }

            public sealed record Node(string Name, Node? Next);

            public sealed class Options { public int Limit { get; init; } }

            public sealed record Holder(object Anything);

            public partial class Tools
            {
                /// <summary>Fine.</summary>
                [AgentTool] public int Good(int x, List<Guid> ids, IServiceProvider services, CancellationToken ct) => x;

                [AgentTool(Description = "Takes a blob.")] public int TakesBlob(Blob {|#0:blob|}) => 0;

                [AgentTool("has spaces", Description = "Bad name.")] public int {|#1:BadName|}() => 0;

                [AgentTool("good", Description = "Same name.")] public int {|#2:Again|}() => 0;

                [AgentTool(Description = "Static.")] public static int {|#3:Static|}() => 0;

                [AgentTool] public int {|#4:Undocumented|}() => 0;

                [AgentTool, Description("Described by the attribute.")] public int Described(Dictionary<string, int> {|#5:map|}) => 0;

                [AgentTool(Description = "Objects it cannot take.")] public int Objects(Node {|#6:node|}, Options {|#7:options|}, Holder {|#8:holder|}) => 0;

                /// <summary>
                /// Over two lines,
                /// and documented.
                /// </summary>
                [AgentTool] public int TwoLines() => 0;

                /// <summary>
                /// </summary>
                /// <param name="x">Only a parameter.</param>
                [AgentTool] public int {|#9:EmptySummary|}(int x) => x;
            }
            """,
            Verify.Diagnostic("PGEN401").WithLocation(0).WithArguments("takes_blob", "parameter 'blob' is of type 'Blob', which tools cannot take ('Blob' has no public constructor the binder can call (one without parameters, or one whose parameters all name its properties))"),
            Verify.Diagnostic("PGEN404").WithLocation(1).WithArguments("has spaces"),
            Verify.Diagnostic("PGEN403").WithLocation(2).WithArguments("good", "Good"),
            Verify.Diagnostic("PGEN401").WithLocation(3).WithArguments("static", "it is static (tools are instance methods)"),
            Verify.Diagnostic("PGEN402").WithLocation(4).WithArguments("undocumented"),
            Verify.Diagnostic("PGEN401").WithLocation(5).WithArguments("described", "parameter 'map' is of type 'System.Collections.Generic.Dictionary<string, int>', which tools cannot take ('System.Collections.Generic.Dictionary<string, int>' is not a type tools can take)"),
            Verify.Diagnostic("PGEN401").WithLocation(6).WithArguments("objects", "parameter 'node' is of type 'Node', which tools cannot take (property 'Next' of 'Node': 'Node' contains itself, which a schema without references cannot describe)"),
            Verify.Diagnostic("PGEN401").WithLocation(7).WithArguments("objects", "parameter 'options' is of type 'Options', which tools cannot take (property 'Limit' of 'Options' is init-only and optional, which a class cannot be given after construction: make it 'required', give it 'set', or make 'Options' a record)"),
            Verify.Diagnostic("PGEN401").WithLocation(8).WithArguments("objects", "parameter 'holder' is of type 'Holder', which tools cannot take (property 'Anything' of 'Holder': 'object' is not a type tools can take)"),
            Verify.Diagnostic("PGEN402").WithLocation(9).WithArguments("empty_summary"));
    }

    [Fact]
    public async Task Under_AOT_a_result_type_no_json_context_lists_is_a_warning()
    {
        const string Source = """
            using System;
            using System.Collections.Generic;
            using System.Text.Json.Serialization;
            using System.Threading.Tasks;
            using PatternsGen;

            public sealed record Order(string Id);
            public sealed record Listed(string Id);

            [JsonSerializable(typeof(Listed))]
            internal partial class ToolJson : JsonSerializerContext
            {
                public ToolJson() : base(null) { }
                public override System.Text.Json.Serialization.Metadata.JsonTypeInfo? GetTypeInfo(Type type) => null;
                protected override System.Text.Json.JsonSerializerOptions? GeneratedSerializerOptions => null;
            }

            public partial class Tools
            {
                /// <summary>Needs metadata.</summary>
                [AgentTool] public Task<IReadOnlyList<Order>> {|#0:Orders|}() => Task.FromResult<IReadOnlyList<Order>>([]);

                /// <summary>Listed.</summary>
                [AgentTool] public Listed One() => new("x");

                /// <summary>Scalars need nothing.</summary>
                [AgentTool] public ValueTask<decimal> Total() => default;

                /// <summary>Nor does no result.</summary>
                [AgentTool] public Task Nothing() => Task.CompletedTask;

                /// <summary>Nor a Guid.</summary>
                [AgentTool] public Guid Id() => default;
            }
            """;

        await Verify.VerifyAsync(
            Source, withRuntime: true, new Dictionary<string, string> { ["PublishAot"] = "true" },
            Verify.Diagnostic("PGEN405").WithLocation(0).WithArguments("orders", "System.Collections.Generic.IReadOnlyList<Order>"));
        await Verify.VerifyAsync(Source, withRuntime: true);
    }
}
