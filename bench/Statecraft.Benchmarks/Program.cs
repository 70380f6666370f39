using BenchmarkDotNet.Running;
using Statecraft.Benchmarks;

// Run with: dotnet run -c Release --project bench/Statecraft.Benchmarks -- --filter '*'
// Risk search quality (not a timing job): ... -- risk-quality [years]
if (args is ["risk-quality", ..])
{
    RiskQuality.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 300);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
