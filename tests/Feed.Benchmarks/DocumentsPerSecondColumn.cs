using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Feed.Benchmarks;

/// <summary>Throughput in documents per second: each benchmark invocation processes every file of <see cref="BenchmarkDocuments"/> once.</summary>
public sealed class DocumentsPerSecondColumn : IColumn
{
    public string Id => nameof(DocumentsPerSecondColumn);

    public string ColumnName => "Docs/s";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => $"Documents processed per second ({BenchmarkDocuments.Files.Count} files from {BenchmarkDocuments.Source})";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var mean = summary[benchmarkCase]?.ResultStatistics?.Mean;
        return mean is > 0
            ? (BenchmarkDocuments.Files.Count * 1e9 / mean.Value).ToString("N0", System.Globalization.CultureInfo.InvariantCulture)
            : "?";
    }

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
