namespace Feed.Core.Articles;

/// <summary>The site an article comes from. <see cref="Domain"/> keys its provider feed.</summary>
public sealed class ArticleProvider
{
    public required string Name { get; init; }

    /// <summary>Lower-case host name without <c>www.</c>, e.g. <c>scmp.com</c>.</summary>
    public required string Domain { get; init; }

    public IReadOnlyList<ArticleImage> Images { get; init; } = [];
}
