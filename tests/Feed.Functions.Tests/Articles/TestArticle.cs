using System.Globalization;
using Feed.Core.Feeds;
using Feed.Core.Normalization;

namespace Feed.Functions.Tests.Articles;

/// <summary>
/// A small valid article file with its own topic and provider, so that a test can tell its feeds from every other
/// test's: <c>topics/{Topic key}</c> and <c>providers/{Domain}</c>.
/// </summary>
public sealed record TestArticle(string Slug)
{
    public string Title => $"Test article {Slug}";

    public string Topic => $"Topic {Slug}";

    public string Domain => $"{Slug}.provider.example";

    /// <summary>The feeds it belongs to: all, its topic's and its provider's.</summary>
    public IReadOnlyList<FeedKey> Feeds => [FeedKey.All, FeedKey.Topic(TopicKey.Create(Topic)), FeedKey.Provider(Domain)];

    public string Url => $"https://{Domain}/articles/{Slug}";

    public string FileName => $"{Slug}.md";

    public string Text(DateTimeOffset? published = null) => $"""
        ---
        category: news
        title: "{Title}"
        excerpt: "What {Slug} is about."
        publishedDateTime: {(published ?? new DateTimeOffset(2024, 5, 1, 12, 0, 0, TimeSpan.Zero)).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)}
        originalUrl: "{Url}"
        webUrl: "{Url}"
        type: article
        quality: 50
        heat: 50
        published: true
        provider:
          name: Provider {Slug}
          domain: {Domain}
        topics:
          - {Topic}
        secured: "opaque"
        ---

        """;

    public BinaryData Content(DateTimeOffset? published = null) => BinaryData.FromString(Text(published));
}
