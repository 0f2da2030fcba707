namespace PatternsGen.Package.Tests;

/// <summary>
/// A brand-new project in a temp folder, outside the repository, that takes PatternsGen only from the
/// packed packages (their dependencies from the usual feed), with a package cache of its own.
/// </summary>
internal sealed class ConsumerProject : IDisposable
{
    private ConsumerProject(string directory) => Directory = directory;

    public string Directory { get; }

    public Dictionary<string, string> Environment => new() { ["NUGET_PACKAGES"] = Path.Combine(Directory, ".packages") };

    /// <summary>Writes nuget.config and a project file referencing <paramref name="packageIds"/> at 0.1.0.</summary>
    public static ConsumerProject Create(PackedPackages packages, string name, string outputType, params string[] packageIds)
    {
        var project = new ConsumerProject(Path.Combine(Path.GetTempPath(), "pgen-consumer-" + Guid.NewGuid().ToString("N")));
        System.IO.Directory.CreateDirectory(project.Directory);
        project.Write("nuget.config", $"""
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
        var references = string.Concat(packageIds.Select(id => $"""

                <PackageReference Include="{id}" Version="0.1.0" />
            """));
        project.Write(name + ".csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>{outputType}</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>
              </PropertyGroup>
              <ItemGroup>{references}
              </ItemGroup>
            </Project>
            """);
        return project;
    }

    public void Write(string file, string text) => File.WriteAllText(Path.Combine(Directory, file), text);

    public string Read(string file) => File.ReadAllText(Path.Combine(Directory, file));

    /// <summary>Runs the dotnet CLI in the project's folder; the output is both streams, as a terminal shows them.</summary>
    public async Task<(int ExitCode, string Output)> RunAsync(params string[] arguments)
    {
        var (exitCode, _, output) = await PatternsGen.Tests.ChildProcess.RunAsync("dotnet", Directory, arguments, Environment);
        return (exitCode, output);
    }

    public void Dispose()
    {
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }
}
