namespace Feed.Core.Articles;

public sealed class ArticleImage
{
    public required string Url { get; init; }

    public int? Width { get; init; }

    public int? Height { get; init; }

    public bool? IsCached { get; init; }
}
