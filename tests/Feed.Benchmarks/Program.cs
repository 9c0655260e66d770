using System.Globalization;
using BenchmarkDotNet.Running;
using Feed.Benchmarks.Ingestion;

if (args is ["--paired", .. var rest])
{
    PairedIngestionRun.Run(rest is [var rounds] ? int.Parse(rounds, CultureInfo.InvariantCulture) : 200, Console.Out);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
