using System.Globalization;
using Feed.Benchmarks.WebSub;

var uploads = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100;
var subscribers = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1000;
await HubBenchmark.RunAsync(uploads, subscribers, Console.Out);
