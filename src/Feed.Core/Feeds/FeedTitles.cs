using Feed.Core.Articles;

namespace Feed.Core.Feeds;

/// <summary>The human title of each feed, from the article that put it there.</summary>
public static class FeedTitles
{
    public const string AllArticles = "All articles";

    public static string For(FeedKey key, Article article) => key.Kind switch
    {
        FeedKind.All => AllArticles,
        FeedKind.Topic => article.Topics.FirstOrDefault(t => t.Key == key.Key)?.Name ?? key.Key,
        _ => article.Provider.Name,
    };
}
