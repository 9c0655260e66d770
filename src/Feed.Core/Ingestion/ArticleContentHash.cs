using System.Security.Cryptography;
using System.Text.Json;
using Feed.Core.Articles;
using Feed.Core.Feeds;
using Feed.Core.Serialization;

namespace Feed.Core.Ingestion;

/// <summary>A hash of what readers see of an article: what its feed entry renders, nothing else.</summary>
public static class ArticleContentHash
{
    public static string Compute(Article article)
    {
        var visible = FeedEntry.From(article);
        var unstamped = new FeedEntry
        {
            Id = visible.Id,
            Title = visible.Title,
            Excerpt = visible.Excerpt,
            Link = visible.Link,
            Published = visible.Published,
            Updated = visible.Published,
            Type = visible.Type,
            Quality = visible.Quality,
            IsPublished = visible.IsPublished,
            ProviderName = visible.ProviderName,
            ProviderDomain = visible.ProviderDomain,
            Topics = visible.Topics,
            Images = visible.Images,
            FeaturedMediaUrl = visible.FeaturedMediaUrl,
            Related = visible.Related,
            ContentHash = "",
        };
        var bytes = JsonSerializer.SerializeToUtf8Bytes(unstamped, FeedJsonContext.Default.FeedEntry);
        return Convert.ToHexStringLower(SHA256.HashData(bytes).AsSpan(0, 16));
    }
}
