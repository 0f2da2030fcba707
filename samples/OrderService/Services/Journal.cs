using System.Collections.Concurrent;

namespace OrderService.Services;

/// <summary>What the stand-in services did, in order, for --verbose and the tests of the sample; safe from any thread.</summary>
public sealed class Journal
{
    private readonly ConcurrentQueue<string> _lines = new();

    public void Add(string line) => _lines.Enqueue(line);

    public IReadOnlyList<string> Lines => [.. _lines];
}
