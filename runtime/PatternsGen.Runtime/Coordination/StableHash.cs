namespace PatternsGen.Coordination;

/// <summary>
/// A hash every process and every .NET version computes alike (unlike <see cref="string.GetHashCode()"/>), for sharing keys
/// out among instances that must agree: FNV-1a over the string's UTF-16 code units.
/// </summary>
internal static class StableHash
{
    /// <summary>Which of <paramref name="buckets"/> <paramref name="key"/> falls in.</summary>
    public static int Bucket(string key, int buckets)
    {
        var hash = 2166136261u;
        foreach (var c in key)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash % (uint)buckets);
    }
}
