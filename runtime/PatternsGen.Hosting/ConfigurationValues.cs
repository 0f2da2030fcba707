using System.Globalization;
using Microsoft.Extensions.Configuration;
using PatternsGen.Resilience;

namespace PatternsGen.Hosting;

/// <summary>
/// Reads settings from a configuration section by name, without reflection: the configuration binder would need its
/// source generator, which warns about every clock, logger and callback on the options. A key that is absent leaves the
/// setting as it was; a value that does not parse fails at startup, naming the key's full path and the value.
/// </summary>
internal static class ConfigurationValues
{
    public static void Read(this IConfiguration section, string key, Action<int> set) =>
        Parse(section, key, set, static v => int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null, "a whole number");

    public static void Read(this IConfiguration section, string key, Action<TimeSpan> set) =>
        Parse(section, key, set, static v => TimeSpan.TryParse(v, CultureInfo.InvariantCulture, out var t) ? t : null, "a time span such as 00:00:05");

    public static void Read(this IConfiguration section, string key, Action<bool> set) =>
        Parse(section, key, set, static v => bool.TryParse(v, out var b) ? b : null, "true or false");

    public static void Read(this IConfiguration section, string key, Action<string> set)
    {
        if (section[key] is { Length: > 0 } value)
        {
            set(value);
        }
    }

    /// <summary>A retry's settings from its section: <c>MaxAttempts</c>, <c>InitialDelay</c>, <c>MaxDelay</c>, <c>Jitter</c>.</summary>
    public static void ReadRetry(this IConfiguration section, RetryOptions retry)
    {
        section.Read(nameof(retry.MaxAttempts), v => retry.MaxAttempts = v);
        section.Read(nameof(retry.InitialDelay), v => retry.InitialDelay = v);
        section.Read(nameof(retry.MaxDelay), v => retry.MaxDelay = v);
        section.Read(nameof(retry.Jitter), v => retry.Jitter = v);
    }

    private static void Parse<T>(IConfiguration section, string key, Action<T> set, Func<string, T?> parse, string expected)
        where T : struct
    {
        if (section[key] is not { Length: > 0 } value)
        {
            return;
        }

        var path = section is IConfigurationSection s ? s.Path + ":" + key : key;
        set(parse(value) ?? throw new InvalidOperationException($"Configuration '{path}' is '{value}', which is not {expected}."));
    }
}
