using PatternsGen.Roslyn;

namespace PatternsGen.Generators;

/// <summary>
/// The frame of a generated <c>IServiceCollection</c> extension: an internal class in the
/// Microsoft.Extensions.DependencyInjection namespace (found without a using), a null check, and a marker
/// service so that calling it twice registers nothing twice. The caller writes the registrations between.
/// </summary>
internal static class ServiceCollectionExtension
{
    public const string DI = "global::Microsoft.Extensions.DependencyInjection";

    /// <param name="writer">Where to write; left indented for the registrations.</param>
    /// <param name="className">The extension class.</param>
    /// <param name="what">What the class registers, for its summary ("handlers").</param>
    /// <param name="method">The extension method.</param>
    /// <param name="summary">The method's summary, already XML.</param>
    public static void WriteOpen(SourceWriter writer, string className, string what, string method, string summary)
    {
        writer.WriteLine();
        writer.WriteLine($$"""
            namespace Microsoft.Extensions.DependencyInjection
            {
                /// <summary>Registers PatternsGen's generated {{what}} with a container.</summary>
                {{GeneratedCode.Attribute}}
                internal static class {{className}}
                {
                    /// <summary>
                    /// {{summary}}
                    /// Reflection-free; safe to call from several assemblies, and more than once.
                    /// </summary>
                    public static {{DI}}.IServiceCollection {{method}}(this {{DI}}.IServiceCollection services)
                    {
                        if (services is null)
                        {
                            throw new global::System.ArgumentNullException(nameof(services));
                        }

                        foreach (var service in services)
                        {
                            if (service.ServiceType == typeof(Added))
                            {
                                return services; // this assembly's {{what}} are in already
                            }
                        }

                        {{DI}}.ServiceCollectionServiceExtensions.AddSingleton<Added>(services);
            """);
        writer.Indentation = 3;
    }

    public static void WriteClose(SourceWriter writer, string what)
    {
        writer.WriteLine("return services;");
        writer.Indentation = 0;
        writer.WriteLine($$"""
                    }

                    /// <summary>Marks the container as having this assembly's {{what}}.</summary>
                    private sealed class Added
                    {
                    }
                }
            }
            """);
    }
}
