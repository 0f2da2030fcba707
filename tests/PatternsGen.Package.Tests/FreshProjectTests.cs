namespace PatternsGen.Package.Tests;

/// <summary>
/// A brand-new project in a temp folder, outside the repository, that takes PatternsGen only from the
/// packed packages (their dependencies from the usual feed): it restores them, the generator writes
/// into it, the analyzer reports on it, and it runs.
/// </summary>
[Collection(PackedPackagesCollection.Name)]
public sealed class FreshProjectTests(PackedPackages packages) : IDisposable
{
    private readonly string _project = Path.Combine(Path.GetTempPath(), "pgen-consumer-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_project))
        {
            Directory.Delete(_project, recursive: true);
        }
    }

    [Fact]
    public async Task A_new_project_restores_the_packages_and_the_generator_and_analyzers_run_inside_it()
    {
        WriteConsumer();
        var environment = new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(_project, ".packages") };

        var build = await DotNet.RunAsync(_project, environment, "build", "-c", "Release");
        Assert.True(build.ExitCode == 0, "build failed:\n" + build.Output);

        // The analyzer ran: PGEN900 (lowered to a warning by the project's .editorconfig) names the class.
        Assert.Contains("warning PGEN900", build.Output);
        Assert.Contains("Type 'Checkout' must be declared partial", build.Output);

        // The generator ran: its file is on disk where EmitCompilerGeneratedFiles puts it.
        var generated = Directory.GetFiles(Path.Combine(_project, "obj"), "Demo.Order.Aggregate.g.cs", SearchOption.AllDirectories);
        var file = Assert.Single(generated);
        Assert.Contains("PatternsGen.Generators", file);
        Assert.Contains("public void ApplyEvent(object @event)", await File.ReadAllTextAsync(file));

        // And the generated members work at run time.
        var dll = Directory.GetFiles(Path.Combine(_project, "bin", "Release"), "Consumer.dll", SearchOption.AllDirectories).Single();
        var run = await DotNet.RunAsync(_project, environment, dll);
        Assert.True(run.ExitCode == 0, "run failed:\n" + run.Output);
        Assert.Contains("version=3 total=15 uncommitted=3", run.Output);
        Assert.Contains("loaded version=3 total=15 closed=True", run.Output); // the store package, on its generated event registry
    }

    private void WriteConsumer()
    {
        Directory.CreateDirectory(_project);
        File.WriteAllText(Path.Combine(_project, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="packed" value="{packages.Directory}" />
              </packageSources>
              <!-- PatternsGen comes only from the packed folder; its dependencies from the usual feed. -->
              <packageSourceMapping>
                <packageSource key="packed">
                  <package pattern="PatternsGen" />
                  <package pattern="PatternsGen.*" />
                </packageSource>
                <packageSource key="nuget.org">
                  <package pattern="*" />
                </packageSource>
              </packageSourceMapping>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(_project, "Consumer.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="PatternsGen" Version="0.1.0" />
                <PackageReference Include="PatternsGen.EventStore.Sqlite" Version="0.1.0" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(_project, ".editorconfig"), """
            root = true
            [*.cs]
            dotnet_diagnostic.PGEN900.severity = warning
            """);
        File.WriteAllText(Path.Combine(_project, "Program.cs"), """
            using Demo;
            using PatternsGen.EventStore.Sqlite;

            var order = new Order();
            order.Add(10m);
            order.Add(5m);
            order.Close();
            Console.WriteLine($"version={order.Version} total={order.Total} uncommitted={order.GetUncommittedEvents().Count}");

            var store = new SqliteEventStore($"Data Source={Path.Combine(AppContext.BaseDirectory, "events.db")}");
            await order.SaveAsync(store, "order-1");
            var loaded = await Order.LoadAsync(store, "order-1");
            Console.WriteLine($"loaded version={loaded!.Version} total={loaded.Total} closed={loaded.IsClosed}");

            namespace Demo
            {
                using PatternsGen;

                public sealed record LineAdded(decimal Amount);
                public sealed record Closed;

                [Aggregate]
                public partial class Order
                {
                    public decimal Total { get; private set; }
                    public bool IsClosed { get; private set; }

                    public void Add(decimal amount) => Raise(new LineAdded(amount));
                    public void Close() => Raise(new Closed());

                    private void Apply(LineAdded e) => Total += e.Amount;
                    private void Apply(Closed e) => IsClosed = true;
                }

                [Saga]
                public class Checkout { }
            }
            """);
    }
}
