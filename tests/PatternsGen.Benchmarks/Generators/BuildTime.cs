using System.Diagnostics;
using System.Text;

namespace PatternsGen.Benchmarks.Generators;

/// <summary>
/// What a user waits for: <c>dotnet build --no-incremental</c> of a project of annotated types, with PatternsGen's
/// generators and analyzers and without them, on the same sources. The sources call no generated member, so they
/// compile either way: 1,000 types are 200 each of aggregates with two events, two-step sagas with one compensation
/// and a pivot, handler classes with one handler, projections, and classes with one agent tool.
/// </summary>
/// <remarks>
/// <c>dotnet run -c Release --project tests/PatternsGen.Benchmarks -- build-time [types] [runs]</c>. Builds the
/// package's projects in Release first, then alternates the two builds and prints the medians.
/// </remarks>
internal static class BuildTime
{
    public static async Task<int> RunAsync(string[] args)
    {
        var types = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1000;
        var runs = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 3;
        var root = PatternsGen.Tests.Repository.Root;
        await DotNetAsync(root, "build", "src/PatternsGen", "-c", "Release");

        var folder = Directory.CreateTempSubdirectory("pgen-build-time-").FullName;
        try
        {
            Write(folder, root, types);
            await DotNetAsync(folder, "restore");
            var with = new List<double>();
            var without = new List<double>();
            for (var run = 0; run < runs; run++)
            {
                with.Add(await BuildAsync(folder, withPatternsGen: true));
                without.Add(await BuildAsync(folder, withPatternsGen: false));
                Console.WriteLine($"run {run + 1}: with {with[^1]:0.00} s, without {without[^1]:0.00} s");
            }

            var (a, b) = (Median(with), Median(without));
            Console.WriteLine($"{types} types, medians of {runs}: {a:0.00} s with PatternsGen, {b:0.00} s without: {(a / b - 1) * 100:+0;-0} %");
            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<double> BuildAsync(string folder, bool withPatternsGen)
    {
        var clock = Stopwatch.StartNew();
        await DotNetAsync(folder, "build", "--no-incremental", "--no-restore", "-c", "Release", $"-p:WithPatternsGen={withPatternsGen}");
        return clock.Elapsed.TotalSeconds;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private static void Write(string folder, string root, int types)
    {
        string Built(string project, string framework) =>
            Path.Combine(root, project, "bin", "Release", framework, Path.GetFileName(project) + ".dll");

        File.WriteAllText(Path.Combine(folder, "Scale.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <WithPatternsGen Condition="'$(WithPatternsGen)' == ''">true</WithPatternsGen>
              </PropertyGroup>
              <ItemGroup>
                <Reference Include="{Built("runtime/PatternsGen.Runtime", "net10.0")}" />
                <PackageReference Include="Microsoft.Extensions.Logging.Abstractions" Version="8.0.3" />
                <PackageReference Include="Microsoft.Extensions.DependencyInjection.Abstractions" Version="8.0.2" />
                <PackageReference Include="Microsoft.Extensions.AI.Abstractions" Version="10.11.0" />
              </ItemGroup>
              <ItemGroup Condition="'$(WithPatternsGen)' == 'true'">
                <Analyzer Include="{Built("generators/PatternsGen.Generators", "netstandard2.0")}" />
                <Analyzer Include="{Built("analyzers/PatternsGen.Analyzers", "netstandard2.0")}" />
                <Analyzer Include="{Built("analyzers/PatternsGen.CodeFixes", "netstandard2.0")}" />
              </ItemGroup>
            </Project>
            """);
        for (var i = 0; i < types; i++)
        {
            File.WriteAllText(Path.Combine(folder, $"Type{i}.cs"), Source(i));
        }
    }

    private static string Source(int i) => new StringBuilder("using PatternsGen;\n\nnamespace Scale;\n\n").Append((i % 5) switch
    {
        0 => $$"""
            [Event("order{{i}}.opened")] public sealed record Opened{{i}}(string Id);
            [Event("order{{i}}.closed")] public sealed record Closed{{i}}(string Id);

            [Aggregate]
            public partial class Order{{i}}
            {
                public bool IsOpen { get; private set; }

                private void Apply(Opened{{i}} e) => IsOpen = true;

                private void Apply(Closed{{i}} e) => IsOpen = false;
            }
            """,
        1 => $$"""
            public sealed record Checkout{{i}}(string OrderId);

            [Saga]
            public partial class Saga{{i}}
            {
                [SagaStep(1, Compensate = nameof(Release))]
                public Task<int> Reserve(Checkout{{i}} context, CancellationToken ct) => Task.FromResult(1);

                public Task Release(Checkout{{i}} context, int reservation, CancellationToken ct) => Task.CompletedTask;

                [SagaStep(2, Pivot = true)]
                public Task Ship(Checkout{{i}} context, CancellationToken ct) => Task.CompletedTask;
            }
            """,
        2 => $$"""
            [Event("payment{{i}}.completed")] public sealed record Paid{{i}}(string Id);

            public partial class Handlers{{i}}
            {
                [EventHandler, Idempotent]
                public Task OnPaid(Paid{{i}} e, CancellationToken ct) => Task.CompletedTask;
            }
            """,
        3 => $$"""
            [Event("item{{i}}.added")] public sealed record Added{{i}}(string Id, int Quantity);

            [Projection]
            public partial class View{{i}}
            {
                public int Items { get; private set; }

                public void Project(Added{{i}} e) => Items += e.Quantity;
            }
            """,
        _ => $$"""
            public partial class Tools{{i}}
            {
                /// <summary>Finds orders.</summary>
                /// <param name="query">What to look for.</param>
                [AgentTool]
                public string Find(string query) => query;
            }
            """,
    }).ToString();

    private static async Task DotNetAsync(string folder, params string[] arguments)
    {
        var (exitCode, _, output) = await PatternsGen.Tests.ChildProcess.RunAsync("dotnet", folder, arguments);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"dotnet {string.Join(' ', arguments)} failed:\n{output}");
        }
    }
}
