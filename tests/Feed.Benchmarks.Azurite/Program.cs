using System.Globalization;
using Feed.Benchmarks.Azurite;

await RequestCostBenchmark.RunAsync(args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 3000, Console.Out);
