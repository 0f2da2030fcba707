using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Shop.Run;

/// <summary>
/// With <c>--trace</c>, each order is placed under a span of the launcher's, whose W3C trace context every service
/// passes on (HTTP headers, message headers). The services print their spans into their logs; this reads back which
/// services each order's trace id appears in.
/// </summary>
public sealed partial class Traces : IDisposable
{
    public static readonly ActivitySource Source = new("Shop.Launcher");

    private readonly ActivityListener _listener = new()
    {
        ShouldListenTo = static source => source.Name is "Shop.Launcher" or "System.Net.Http",
        Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
    };

    public Traces() => ActivitySource.AddActivityListener(_listener);

    /// <summary>For each trace id, the services whose logs hold a span of it.</summary>
    public static IReadOnlyDictionary<string, SortedSet<string>> Read(Services services)
    {
        var seen = new Dictionary<string, SortedSet<string>>();
        foreach (var process in services.All)
        {
            foreach (Match match in TraceId().Matches(process.ReadLog()))
            {
                var id = match.Groups[1].Value;
                (seen.TryGetValue(id, out var set) ? set : seen[id] = []).Add(process.Service);
            }
        }

        return seen;
    }

    public void Dispose() => _listener.Dispose();

    [GeneratedRegex(@"Activity\.TraceId:\s+([0-9a-f]{32})")]
    private static partial Regex TraceId();
}
