using BenchmarkDotNet.Running;
using Statecraft.Benchmarks;

// Run with: dotnet run -c Release --project bench/Statecraft.Benchmarks -- --filter '*'
// Risk search quality and CPU per year (not BenchmarkDotNet jobs): ... -- risk-quality [years] | risk-years
if (args is ["risk-quality", ..])
{
    RiskQuality.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 300);
    return;
}

if (args is ["risk-years"])
{
    RiskQuality.Years();
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
