using System.Text.Json.Nodes;

namespace Feed.Core.Articles;

/// <summary>A normalized article: what ingestion stores and what every feed is built from.</summary>
public sealed class Article
{
    /// <summary>Stable identity derived from the canonical link; see <see cref="Normalization.ArticleIdentity"/>.</summary>
    public required string Id { get; init; }

    public string? Category { get; init; }

    public required string Title { get; init; }

    public string? Excerpt { get; init; }

    /// <summary>Publication time, UTC.</summary>
    public required DateTimeOffset PublishedDateTime { get; init; }

    /// <summary>When the article's content last changed, UTC; never earlier than <see cref="PublishedDateTime"/>.</summary>
    public required DateTimeOffset Updated { get; set; }

    /// <summary>The one canonical link: webUrl, else originalUrl.</summary>
    public required string Link { get; init; }

    public string? OriginalUrl { get; init; }

    public string? WebUrl { get; init; }

    public string? AmpWebUrl { get; init; }

    public string? CdnAmpWebUrl { get; init; }

    /// <summary><c>article</c> or <c>video</c>.</summary>
    public required string Type { get; init; }

    public int? Quality { get; init; }

    public int? Heat { get; init; }

    /// <summary>The file's <c>published</c> flag.</summary>
    public bool? Published { get; init; }

    /// <summary>The file's featured HTML, kept as given; never served as markup.</summary>
    public string? FeaturedContent { get; init; }

    /// <summary>The media URL found in <see cref="FeaturedContent"/> (an iframe's src), absolute.</summary>
    public string? FeaturedMediaUrl { get; init; }

    public required ArticleProvider Provider { get; init; }

    public IReadOnlyList<ArticleTopic> Topics { get; init; } = [];

    public IReadOnlyList<ArticleImage> Images { get; init; } = [];

    public IReadOnlyList<RelatedArticle> Related { get; init; } = [];

    /// <summary>Opaque token from the file. Stored, never published.</summary>
    public string? Secured { get; init; }

    /// <summary>Fields the format does not define, kept as they were.</summary>
    public JsonObject? Extra { get; init; }

    /// <summary>Text after the closing <c>---</c>, if any.</summary>
    public string? Body { get; init; }

    public IReadOnlyList<ArticleDiagnostic> Warnings { get; init; } = [];

    /// <summary>Hash of everything a reader sees; <see cref="Updated"/> moves only when it changes.</summary>
    public string ContentHash { get; set; } = "";
}
