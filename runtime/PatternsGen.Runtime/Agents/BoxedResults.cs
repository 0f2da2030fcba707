namespace PatternsGen.Agents;

/// <summary>
/// Tool results that are booleans or small integers, boxed once: counts, flags and status codes are what tools
/// return most, and a result goes back as <see cref="object"/>, so each call would otherwise allocate a box.
/// </summary>
internal static class BoxedResults
{
    private const int Smallest = -1; // "not found"
    private const int Largest = 255;

    private static readonly object True = true;
    private static readonly object False = false;
    private static readonly object?[] Int32s = new object?[Largest - Smallest + 1];

    public static object Of(bool value) => value ? True : False;

    /// <summary>The value boxed; the same box every time for values from -1 to 255.</summary>
    // Filled on first use; two threads racing may each box a value, and either box is as good as the other.
    public static object Of(int value) =>
        (uint)(value - Smallest) < (uint)Int32s.Length ? Int32s[value - Smallest] ??= value : value;
}
