using Feed.Core.Articles;

namespace Feed.Core.Feeds;

/// <summary>Names one feed: all articles, a topic (by slug) or a provider (by domain).</summary>
public readonly record struct FeedKey(FeedKind Kind, string Key)
{
    public static FeedKey All { get; } = new(FeedKind.All, "all");

    public static FeedKey Topic(string key) => new(FeedKind.Topic, key);

    public static FeedKey Provider(string domain) => new(FeedKind.Provider, domain);

    /// <summary>The feed's path below <c>/api/feeds/</c>, without format: <c>all</c>, <c>topics/ai</c>, <c>providers/scmp.com</c>.</summary>
    public string Path => Kind switch
    {
        FeedKind.All => "all",
        FeedKind.Topic => "topics/" + Key,
        _ => "providers/" + Key,
    };

    /// <summary>Every feed an article belongs to.</summary>
    public static IEnumerable<FeedKey> For(Article article)
    {
        yield return All;
        foreach (var topic in article.Topics)
        {
            yield return Topic(topic.Key);
        }

        yield return Provider(article.Provider.Domain);
    }

    public override string ToString() => Path;
}
