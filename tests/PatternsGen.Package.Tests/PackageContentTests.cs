using System.IO.Compression;
using System.Xml.Linq;

namespace PatternsGen.Package.Tests;

[Collection(PackedPackagesCollection.Name)]
public sealed class PackageContentTests(PackedPackages packages)
{
    [Fact]
    public void Pack_produces_exactly_the_five_packages()
    {
        var ids = System.IO.Directory.GetFiles(packages.Directory, "*.nupkg").Select(static p => Path.GetFileName(p)).Order().ToArray();

        Assert.Equal(["PatternsGen.0.1.0.nupkg", "PatternsGen.EventStore.PostgreSql.0.1.0.nupkg", "PatternsGen.EventStore.Sqlite.0.1.0.nupkg", "PatternsGen.Hosting.0.1.0.nupkg", "PatternsGen.Mcp.0.1.0.nupkg", "PatternsGen.Transport.RabbitMQ.0.1.0.nupkg"], ids);
    }

    [Fact]
    public void PatternsGen_ships_the_runtime_under_lib_and_the_roslyn_components_under_analyzers_and_no_roslyn()
    {
        var entries = Entries("PatternsGen.0.1.0.nupkg");

        Assert.Contains("lib/net8.0/PatternsGen.Runtime.dll", entries);
        Assert.Contains("lib/net10.0/PatternsGen.Runtime.dll", entries);
        Assert.Contains("lib/net10.0/PatternsGen.Runtime.xml", entries);
        Assert.Contains("analyzers/dotnet/cs/PatternsGen.Generators.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/PatternsGen.Analyzers.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/PatternsGen.CodeFixes.dll", entries);
        Assert.Contains("build/PatternsGen.props", entries);
        Assert.Contains("buildTransitive/PatternsGen.props", entries);
        Assert.DoesNotContain(entries, e => e.Contains("Microsoft.CodeAnalysis", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(3, entries.Count(e => e.StartsWith("analyzers/", StringComparison.Ordinal)));
    }

    [Fact]
    public void PatternsGen_has_real_metadata_and_depends_only_on_what_its_runtime_needs()
    {
        var nuspec = Nuspec("PatternsGen.0.1.0.nupkg");

        Assert.Equal("MIT", Element(nuspec, "license"));
        Assert.Equal("README.md", Element(nuspec, "readme"));
        Assert.Contains("source-generator", Element(nuspec, "tags"));
        Assert.StartsWith("Sagas, event-sourced aggregates", Element(nuspec, "description"));
        var dependencies = nuspec.Descendants().Where(static e => e.Name.LocalName == "dependency")
            .Select(static e => e.Attribute("id")!.Value).Distinct().ToArray();
        Assert.Equal(["Microsoft.Extensions.AI.Abstractions", "Microsoft.Extensions.DependencyInjection.Abstractions", "Microsoft.Extensions.Logging.Abstractions"], dependencies.Order());
        Assert.Contains("README.md", Entries("PatternsGen.0.1.0.nupkg"));
    }

    [Theory]
    [InlineData("PatternsGen.EventStore.Sqlite", "Microsoft.Data.Sqlite")]
    [InlineData("PatternsGen.EventStore.PostgreSql", "Npgsql")]
    [InlineData("PatternsGen.Mcp", "ModelContextProtocol.Core")]
    public void Adapter_packages_depend_on_PatternsGen_and_their_client_only_and_bring_the_generators_along(string id, string driver)
    {
        var nuspec = Nuspec($"{id}.0.1.0.nupkg");
        var dependencies = nuspec.Descendants().Where(static e => e.Name.LocalName == "dependency").ToArray();

        Assert.Equal([driver, "PatternsGen"], dependencies.Select(static d => d.Attribute("id")!.Value).Distinct().Order());
        Assert.All(
            dependencies.Where(static d => d.Attribute("id")!.Value == "PatternsGen"),
            static d => Assert.DoesNotContain("Analyzers", d.Attribute("exclude")?.Value ?? string.Empty));
        Assert.Contains($"lib/net10.0/{id}.dll", Entries($"{id}.0.1.0.nupkg"));
        Assert.Equal("MIT", Element(nuspec, "license"));
    }

    [Fact]
    public void Hosting_depends_on_PatternsGen_and_the_hosting_http_health_and_telemetry_abstractions_only()
    {
        var nuspec = Nuspec("PatternsGen.Hosting.0.1.0.nupkg");
        var dependencies = nuspec.Descendants().Where(static e => e.Name.LocalName == "dependency")
            .Select(static e => e.Attribute("id")!.Value).Distinct().Order().ToArray();

        Assert.Equal(
            ["Microsoft.Extensions.Diagnostics.HealthChecks", "Microsoft.Extensions.Hosting.Abstractions", "Microsoft.Extensions.Http", "OpenTelemetry.Api", "PatternsGen"],
            dependencies);
        Assert.Contains("lib/net8.0/PatternsGen.Hosting.dll", Entries("PatternsGen.Hosting.0.1.0.nupkg"));
        Assert.Contains("README.md", Entries("PatternsGen.Hosting.0.1.0.nupkg"));
    }

    [Fact]
    public void The_RabbitMQ_transport_depends_on_PatternsGen_its_hosting_and_the_official_client_only()
    {
        var nuspec = Nuspec("PatternsGen.Transport.RabbitMQ.0.1.0.nupkg");
        var dependencies = nuspec.Descendants().Where(static e => e.Name.LocalName == "dependency")
            .Select(static e => e.Attribute("id")!.Value).Distinct().Order().ToArray();

        Assert.Equal(["PatternsGen", "PatternsGen.Hosting", "RabbitMQ.Client"], dependencies);
        Assert.Contains("lib/net8.0/PatternsGen.Transport.RabbitMQ.dll", Entries("PatternsGen.Transport.RabbitMQ.0.1.0.nupkg"));
        Assert.Contains("README.md", Entries("PatternsGen.Transport.RabbitMQ.0.1.0.nupkg"));
    }

    private string[] Entries(string package)
    {
        using var zip = ZipFile.OpenRead(Path.Combine(packages.Directory, package));
        return [.. zip.Entries.Select(static e => e.FullName)];
    }

    private XDocument Nuspec(string package)
    {
        using var zip = ZipFile.OpenRead(Path.Combine(packages.Directory, package));
        using var stream = zip.Entries.Single(static e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open();
        return XDocument.Load(stream);
    }

    private static string Element(XDocument nuspec, string name) =>
        nuspec.Descendants().Single(e => e.Name.LocalName == name).Value;
}
