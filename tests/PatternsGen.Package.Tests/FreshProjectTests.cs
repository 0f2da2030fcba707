namespace PatternsGen.Package.Tests;

/// <summary>
/// A brand-new project in a temp folder, outside the repository, that takes PatternsGen only from the
/// packed packages (their dependencies from the usual feed): it restores them, the generator writes
/// into it, the analyzer reports on it, and it runs.
/// </summary>
[Collection(PackedPackagesCollection.Name)]
public sealed class FreshProjectTests(PackedPackages packages) : IDisposable
{
    private readonly ConsumerProject _project = ConsumerProject.Create(packages, "Consumer", "Exe", "PatternsGen", "PatternsGen.EventStore.Sqlite");

    public void Dispose() => _project.Dispose();

    [Fact]
    public async Task A_new_project_restores_the_packages_and_the_generator_and_analyzers_run_inside_it()
    {
        WriteConsumer();

        var build = await _project.RunAsync("build", "-c", "Release");
        Assert.True(build.ExitCode == 0, "build failed:\n" + build.Output);

        // The analyzer ran: PGEN900 (lowered to a warning by the project's .editorconfig) names the class.
        Assert.Contains("warning PGEN900", build.Output);
        Assert.Contains("Type 'Checkout' must be declared partial", build.Output);

        // The generator ran: its file is on disk where EmitCompilerGeneratedFiles puts it.
        var generated = Directory.GetFiles(Path.Combine(_project.Directory, "obj"), "Demo.Order.Aggregate.g.cs", SearchOption.AllDirectories);
        var file = Assert.Single(generated);
        Assert.Contains("PatternsGen.Generators", file);
        Assert.Contains("public void ApplyEvent(object @event)", await File.ReadAllTextAsync(file));

        // And the generated members work at run time.
        var dll = Directory.GetFiles(Path.Combine(_project.Directory, "bin", "Release"), "Consumer.dll", SearchOption.AllDirectories).Single();
        var run = await _project.RunAsync(dll);
        Assert.True(run.ExitCode == 0, "run failed:\n" + run.Output);
        Assert.Contains("version=3 total=15 uncommitted=3", run.Output);
        Assert.Contains("loaded version=3 total=15 closed=True", run.Output); // the store package, on its generated event registry
    }

    private void WriteConsumer()
    {
        _project.Write(".editorconfig", """
            root = true
            [*.cs]
            dotnet_diagnostic.PGEN900.severity = warning
            """);
        _project.Write("Program.cs", """
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
