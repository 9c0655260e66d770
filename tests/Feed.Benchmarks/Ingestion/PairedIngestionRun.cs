using System.Diagnostics;
using System.Globalization;

namespace Feed.Benchmarks.Ingestion;

/// <summary>
/// The same three workloads as <see cref="IngestionBenchmarks"/>, timed pass by pass in alternating order, so that
/// each ratio compares passes that ran a few milliseconds apart. On a machine shared with other work, load moves
/// between BenchmarkDotNet's benchmarks (they run one after another); a paired ratio does not move with it.
/// </summary>
public static class PairedIngestionRun
{
    public static void Run(int rounds, TextWriter output)
    {
        var benchmarks = new IngestionBenchmarks();
        benchmarks.Setup();
        (string Name, Func<int> Pass)[] workloads =
        [
            ("YamlDotNet Parser events (baseline)", benchmarks.BareParser),
            ("Feed read + validate + normalize", benchmarks.ReadValidateNormalize),
            ("YamlDotNet Deserializer to dictionary (reference)", benchmarks.DeserializerToDictionary),
        ];
        for (var warmup = 0; warmup < 10; warmup++)
        {
            foreach (var workload in workloads)
            {
                workload.Pass();
            }
        }

        var times = workloads.Select(_ => new List<double>(rounds)).ToArray();
        for (var round = 0; round < rounds; round++)
        {
            for (var step = 0; step < workloads.Length; step++)
            {
                // Rotate the order every round so that no workload always runs right after the same one.
                var index = (step + round) % workloads.Length;
                var started = Stopwatch.GetTimestamp();
                workloads[index].Pass();
                times[index].Add(Stopwatch.GetElapsedTime(started).TotalSeconds);
            }
        }

        var documents = BenchmarkDocuments.Files.Count;
        output.WriteLine($"{documents} documents from {BenchmarkDocuments.Source}, {rounds} rounds, {Environment.ProcessorCount} cores, load average {LoadAverage()}");
        output.WriteLine();
        output.WriteLine("| Workload | Median docs/s | Median ratio to baseline (paired) | Ratio, 25th–75th percentile |");
        output.WriteLine("| --- | ---: | ---: | ---: |");
        for (var i = 0; i < workloads.Length; i++)
        {
            var ratios = Enumerable.Range(0, rounds).Select(round => times[0][round] / times[i][round]).Order().ToList();
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {workloads[i].Name} | {documents / Percentile(times[i].Order().ToList(), 0.5):N0} | {Percentile(ratios, 0.5):F2} × | {Percentile(ratios, 0.25):F2}–{Percentile(ratios, 0.75):F2} |"));
        }
    }

    private static double Percentile(List<double> sorted, double p) => sorted[(int)Math.Round(p * (sorted.Count - 1))];

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
