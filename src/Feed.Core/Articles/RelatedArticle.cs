namespace Feed.Core.Articles;

/// <summary>An article the file names as related; rendered as a link, never as an entry of its own.</summary>
public sealed class RelatedArticle
{
    public required string Title { get; init; }

    public string? Excerpt { get; init; }

    public DateTimeOffset? PublishedDateTime { get; init; }

    /// <summary>The related article's link: webUrl, else originalUrl.</summary>
    public required string Url { get; init; }

    public string? WebUrl { get; init; }

    public string? OriginalUrl { get; init; }

    public string? AmpWebUrl { get; init; }

    public string? CdnAmpWebUrl { get; init; }

    public string? Type { get; init; }

    public int? Quality { get; init; }

    public string? ProviderName { get; init; }

    /// <summary>The provider's domain, or the link's host when the file names none.</summary>
    public string? ProviderDomain { get; init; }

    public IReadOnlyList<ArticleImage> ProviderImages { get; init; } = [];

    public IReadOnlyList<ArticleImage> Images { get; init; } = [];
}
