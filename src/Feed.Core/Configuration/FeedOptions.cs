namespace Feed.Core.Configuration;

/// <summary>Options of the feed publisher, bound from the <c>Feed</c> configuration section.</summary>
public sealed class FeedOptions
{
    /// <summary>The container people upload article files to. Files there are never modified.</summary>
    public string UploadContainer { get; set; } = "uploads";

    /// <summary>The container of normalized articles, feed indexes and rejection records.</summary>
    public string DataContainer { get; set; } = "feed-data";

    /// <summary>The absolute base URL feeds are served under, e.g. <c>https://feeds.example.org</c>; when empty, taken from the request.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>Largest article file accepted, checked before the file is read.</summary>
    public long MaxFileBytes { get; set; } = 1024 * 1024;
}
