using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/PatternsGen.Benchmarks -- --filter '*'
// dotnet run -c Release --project tests/PatternsGen.Benchmarks -- build-time [types] [runs]
// dotnet run -c Release --project tests/PatternsGen.Benchmarks -- rabbitmq [messages] [rounds]
// dotnet run -c Release --project tests/PatternsGen.Benchmarks -- rebuild [events]
if (args is ["build-time", ..])
{
    return await PatternsGen.Benchmarks.Generators.BuildTime.RunAsync(args);
}

if (args is ["rabbitmq", ..])
{
    return await PatternsGen.Benchmarks.Transports.RabbitMqThroughput.RunAsync(args);
}

if (args is ["rebuild", ..])
{
    return await PatternsGen.Benchmarks.EventStores.RebuildComparison.RunAsync(args);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
