using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PatternsGen.Hosting;

/// <summary>What PatternsGen's hosted parts take from the container, each read one way.</summary>
internal static class HostServices
{
    /// <summary>The container's clock (a <c>FakeTimeProvider</c> in tests), else the system clock.</summary>
    public static TimeProvider Clock(this IServiceProvider services) => services.GetService<TimeProvider>() ?? TimeProvider.System;

    /// <summary>A logger of <paramref name="category"/>, or none when the container has no logging.</summary>
    public static ILogger? Logger(this IServiceProvider services, string category) =>
        services.GetService<ILoggerFactory>()?.CreateLogger(category);
}
