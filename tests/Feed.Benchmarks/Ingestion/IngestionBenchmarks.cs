using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using Feed.Core.Parsing;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace Feed.Benchmarks.Ingestion;

/// <summary>
/// Read + validate + normalize over every article file, against YamlDotNet's bare event <see cref="Parser"/> over the
/// same documents' front matter (already decoded and split out: the least work any YAML reading can do).
/// </summary>
[Config(typeof(Config))]
[MemoryDiagnoser]
public class IngestionBenchmarks
{
    private IReadOnlyList<byte[]> _files = [];
    private string[] _frontMatter = [];
    private ArticleFileReader _reader = new();
    private IDeserializer _deserializer = new DeserializerBuilder().Build();

    [GlobalSetup]
    public void Setup()
    {
        _files = BenchmarkDocuments.Files;
        _frontMatter = [.. _files.Select(FrontMatterOf)];
        _reader = new ArticleFileReader();
        _deserializer = new DeserializerBuilder().Build();
        var rejected = _files.Count(file => !_reader.Read(file).IsValid);
        if (rejected > 0)
        {
            throw new InvalidOperationException($"{rejected} benchmark files are rejected; the benchmark measures accepted files");
        }
    }

    [Benchmark(Baseline = true, Description = "YamlDotNet Parser events (baseline)")]
    public int BareParser()
    {
        var events = 0;
        foreach (var yaml in _frontMatter)
        {
            var parser = new Parser(new StringReader(yaml));
            while (parser.MoveNext())
            {
                events++;
            }
        }

        return events;
    }

    [Benchmark(Description = "Feed read + validate + normalize")]
    public int ReadValidateNormalize()
    {
        var accepted = 0;
        foreach (var file in _files)
        {
            if (_reader.Read(file).IsValid)
            {
                accepted++;
            }
        }

        return accepted;
    }

    [Benchmark(Description = "YamlDotNet Deserializer to dictionary (reference)")]
    public int DeserializerToDictionary()
    {
        var fields = 0;
        foreach (var yaml in _frontMatter)
        {
            fields += _deserializer.Deserialize<Dictionary<string, object>>(yaml).Count;
        }

        return fields;
    }

    private static string FrontMatterOf(byte[] file)
    {
        var text = Encoding.UTF8.GetString(file);
        var error = FrontMatterSplitter.TrySplit(text, out var yaml, out _, out _);
        return error is null ? yaml : throw new InvalidOperationException(error.ToString());
    }

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            // A short run (about a minute on a 2-core machine): a fixed 8 passes over the files per iteration, so that
            // one slow pass on a busy machine does not set the pace of a whole benchmark.
            AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(15).WithInvocationCount(8).WithUnrollFactor(1));
            AddColumn(StatisticColumn.Min, StatisticColumn.Median, new DocumentsPerSecondColumn());
            SummaryStyle = BenchmarkDotNet.Reports.SummaryStyle.Default.WithRatioStyle(RatioStyle.Value);
        }
    }
}
