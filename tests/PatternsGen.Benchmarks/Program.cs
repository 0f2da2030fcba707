using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/PatternsGen.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
