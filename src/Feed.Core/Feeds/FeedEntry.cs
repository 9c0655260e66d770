using Feed.Core.Articles;

namespace Feed.Core.Feeds;

/// <summary>What a feed needs of one article to render it: kept in the feed's index, so serving reads nothing else.</summary>
public sealed class FeedEntry
{
    public required string Id { get; init; }

    public required string Title { get; init; }

    public string? Excerpt { get; init; }

    public required string Link { get; init; }

    public required DateTimeOffset Published { get; init; }

    public required DateTimeOffset Updated { get; init; }

    public required string Type { get; init; }

    public int? Quality { get; init; }

    /// <summary>The file's <c>published</c> flag.</summary>
    public bool? IsPublished { get; init; }

    public required string ProviderName { get; init; }

    public required string ProviderDomain { get; init; }

    public IReadOnlyList<ArticleTopic> Topics { get; init; } = [];

    public IReadOnlyList<ArticleImage> Images { get; init; } = [];

    public string? FeaturedMediaUrl { get; init; }

    public IReadOnlyList<RelatedArticle> Related { get; init; } = [];

    public required string ContentHash { get; init; }

    public static FeedEntry From(Article article) => new()
    {
        Id = article.Id,
        Title = article.Title,
        Excerpt = article.Excerpt,
        Link = article.Link,
        Published = article.PublishedDateTime,
        Updated = article.Updated,
        Type = article.Type,
        Quality = article.Quality,
        IsPublished = article.Published,
        ProviderName = article.Provider.Name,
        ProviderDomain = article.Provider.Domain,
        Topics = article.Topics,
        Images = article.Images,
        FeaturedMediaUrl = article.FeaturedMediaUrl,
        Related = article.Related,
        ContentHash = article.ContentHash,
    };

    /// <summary>Feed order: newest publication first, then by id so that equal dates keep one order.</summary>
    public static int NewestFirst(FeedEntry x, FeedEntry y)
    {
        var byDate = y.Published.CompareTo(x.Published);
        return byDate != 0 ? byDate : string.CompareOrdinal(x.Id, y.Id);
    }
}
