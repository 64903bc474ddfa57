using System.Globalization;
using AdminPortal.Benchmarks.Circuits;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
switch (args)
{
    case ["api-budget"]:
        await ApiBudgetBenchmark.RunAsync();
        break;
    case ["decisions"]:
        await DecisionsBenchmark.RunAsync();
        break;
    case ["circuits", .. var counts]:
        await CircuitsBenchmark.RunAsync(counts.Length > 0 ? [.. counts.Select(c => int.Parse(c, CultureInfo.InvariantCulture))] : [1, 50, 100, 200]);
        break;
    case ["soak", .. var minutes]:
        await SoakBenchmark.RunAsync(minutes.Length > 0 ? int.Parse(minutes[0], CultureInfo.InvariantCulture) : 10);
        break;
    default:
        // An optional number of numbers for a quick check (default 1,000,000).
        await GridBenchmark.RunAsync(args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000);
        break;
}
