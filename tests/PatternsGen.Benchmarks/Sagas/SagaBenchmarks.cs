using BenchmarkDotNet.Attributes;

namespace PatternsGen.Benchmarks.Sagas;

/// <summary>
/// A 3-step saga that succeeds (steps complete synchronously, as cached or local work does): the
/// generated ExecuteAsync against a hand-written loop like the seed's orchestrator, which keeps its
/// steps in a list of delegates and each result as an object.
/// </summary>
[MemoryDiagnoser]
public class SagaBenchmarks
{
    private readonly BenchContext _context = new();
    private readonly GeneratedSaga _generated = new();
    private readonly HandWrittenSaga _handWritten = new();

    [Benchmark(Baseline = true)]
    public Task Saga_Baseline() => _handWritten.ExecuteAsync(_context, CancellationToken.None);

    [Benchmark]
    public Task Saga_PatternsGen() => _generated.ExecuteAsync(_context, CancellationToken.None);
}

public sealed class BenchContext
{
    public int Total;
}

[Saga]
public partial class GeneratedSaga
{
    [SagaStep(1, Compensate = nameof(Release))]
    public ValueTask<int> Reserve(BenchContext context, CancellationToken ct) => new(context.Total += 1);

    public ValueTask Release(BenchContext context, int reservation, CancellationToken ct) => default;

    [SagaStep(2, Compensate = nameof(Refund))]
    public ValueTask<int> Charge(BenchContext context, CancellationToken ct) => new(context.Total += 2);

    public ValueTask Refund(BenchContext context, int payment, CancellationToken ct) => default;

    [SagaStep(3, Pivot = true)]
    public ValueTask<int> Ship(BenchContext context, CancellationToken ct) => new(context.Total += 3);
}

/// <summary>The seed's orchestrator in C#: steps as delegates, results as objects, compensations from a stack.</summary>
public sealed class HandWrittenSaga
{
    private readonly (Func<BenchContext, CancellationToken, ValueTask<object?>> Execute, Func<BenchContext, object?, CancellationToken, ValueTask>? Compensate)[] _steps =
    [
        (static (c, _) => new ValueTask<object?>(c.Total += 1), static (_, _, _) => default),
        (static (c, _) => new ValueTask<object?>(c.Total += 2), static (_, _, _) => default),
        (static (c, _) => new ValueTask<object?>(c.Total += 3), null),
    ];

    public async Task ExecuteAsync(BenchContext context, CancellationToken ct)
    {
        var results = new object?[_steps.Length];
        var completed = 0;
        try
        {
            for (; completed < _steps.Length; completed++)
            {
                ct.ThrowIfCancellationRequested();
                results[completed] = await _steps[completed].Execute(context, ct).ConfigureAwait(false);
            }
        }
        catch (Exception error)
        {
            for (var i = completed - 1; i >= 0; i--)
            {
                if (_steps[i].Compensate is { } compensate)
                {
                    await compensate(context, results[i], CancellationToken.None).ConfigureAwait(false);
                }
            }

            throw new InvalidOperationException($"Step {completed} failed.", error);
        }
    }
}
