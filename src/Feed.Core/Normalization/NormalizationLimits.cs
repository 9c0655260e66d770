namespace Feed.Core.Normalization;

/// <summary>Bounds on the fields of an article, beyond what YAML parsing bounds already.</summary>
public sealed class NormalizationLimits
{
    public static NormalizationLimits Default { get; } = new();

    public int MaxTitleLength { get; init; } = 1_000;

    public int MaxExcerptLength { get; init; } = 20_000;

    public int MaxUrlLength { get; init; } = 4_096;

    public int MaxTopics { get; init; } = 50;

    public int MaxTopicLength { get; init; } = 200;

    public int MaxImages { get; init; } = 50;

    public int MaxRelated { get; init; } = 50;

    /// <summary>How far ahead of now a publication date may be, for clocks that disagree.</summary>
    public TimeSpan FutureTolerance { get; init; } = TimeSpan.FromDays(1);

    /// <summary>Earliest publication date accepted (RSS readers mishandle older ones).</summary>
    public DateTimeOffset EarliestDate { get; init; } = new(1990, 1, 1, 0, 0, 0, TimeSpan.Zero);
}
