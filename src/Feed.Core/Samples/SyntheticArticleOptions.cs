namespace Feed.Core.Samples;

/// <summary>
/// Settings for <see cref="SyntheticArticleWriter"/>. The same options and index always give the same text.
/// </summary>
public sealed class SyntheticArticleOptions
{
    /// <summary>Varies titles, providers, topics and tokens; two seeds give two different but equally shaped corpora.</summary>
    public int Seed { get; init; }

    /// <summary>A topic that a known share of the articles carry, to make one large feed.</summary>
    public string SharedTopic { get; init; } = "Synthetic Shared";

    /// <summary>
    /// Fraction (0 to 1) of articles that carry <see cref="SharedTopic"/>, decided per index by a hash of
    /// (<see cref="Seed"/>, index): 0 means none, 1 means all. Use <see cref="SyntheticArticleWriter.HasSharedTopic"/>
    /// for the exact set.
    /// </summary>
    public double SharedTopicShare { get; init; } = 0.5;

    /// <summary>How many distinct other topics ("Synthetic Topic 01", ...) are drawn from; each article has one to three.</summary>
    public int TopicCount { get; init; } = 20;

    /// <summary>How many distinct providers (domains synthetic0.example, synthetic1.example, ...) are drawn from.</summary>
    public int ProviderCount { get; init; } = 50;

    /// <summary>publishedDateTime of index 0 (UTC). Index i is published at StartDate + i * Spacing.</summary>
    public DateTimeOffset StartDate { get; init; } = new(2015, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Time between consecutive indexes; whole seconds, at least one second, so every date is distinct.</summary>
    public TimeSpan Spacing { get; init; } = TimeSpan.FromMinutes(7);

    /// <summary>Every Nth article (1-based: indexes N-1, 2N-1, ...) is a <c>type: video</c> with a featuredContent iframe; 0 disables.</summary>
    public int VideoEvery { get; init; } = 25;

    /// <summary>Articles whose index is a multiple of this carry images; 0 disables. The default 2 gives images to every other article.</summary>
    public int ImagesEvery { get; init; } = 2;

    /// <summary>Articles whose index is 5 modulo this (when it is above 5) carry one or two related articles; 0 disables.</summary>
    public int RelatedEvery { get; init; } = 10;

    /// <summary>Articles whose index is 3 modulo this (when it is above 3) carry ampWebUrl and cdnAmpWebUrl; 0 disables.</summary>
    public int AmpEvery { get; init; } = 16;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> or <see cref="ArgumentException"/> when a setting is unusable.</summary>
    public void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(SharedTopic);
        if (double.IsNaN(SharedTopicShare) || SharedTopicShare < 0 || SharedTopicShare > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(SharedTopicShare), SharedTopicShare, "Must be between 0 and 1.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(TopicCount, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(ProviderCount, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(VideoEvery);
        ArgumentOutOfRangeException.ThrowIfNegative(ImagesEvery);
        ArgumentOutOfRangeException.ThrowIfNegative(RelatedEvery);
        ArgumentOutOfRangeException.ThrowIfNegative(AmpEvery);
        if (Spacing < TimeSpan.FromSeconds(1) || Spacing.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Spacing), Spacing, "Must be a positive whole number of seconds.");
        }

        if (StartDate.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(StartDate), StartDate, "Must be a whole second.");
        }
    }
}
