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

    /// <summary>
    /// Proxies trusted to say the public host and scheme (<c>X-Forwarded-Host</c>, <c>X-Forwarded-Proto</c>) when
    /// <see cref="PublicBaseUrl"/> is empty: IP addresses and CIDR networks, comma-separated. Empty: none, the
    /// headers are ignored. Not needed in Azure, where the public base URL is set.
    /// </summary>
    public string? KnownProxies { get; set; }

    /// <summary>The language feeds declare (RSS <c>language</c>, Atom <c>xml:lang</c>, JSON Feed <c>language</c>), a BCP 47 tag.</summary>
    public string Language { get; set; } = "en";

    /// <summary>Largest article file accepted, checked before the file is read.</summary>
    public long MaxFileBytes { get; set; } = 1024 * 1024;

    /// <summary>How many of the newest entries a feed's subscription document holds; older ones are on archive pages.</summary>
    public int HeadSize { get; set; } = 50;

    /// <summary>How many entries fill an archive page; a full page never changes again (but for rare edits of its articles).</summary>
    public int ArchivePageSize { get; set; } = 100;

    /// <summary>How long a served feed's index is used without asking storage whether it changed.</summary>
    public TimeSpan IndexFreshness { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long past <see cref="IndexFreshness"/> an index is still served while storage is asked in the background
    /// (well under the feeds' <c>max-age</c> of 300 s); zero makes every request past the freshness wait for storage.
    /// </summary>
    public TimeSpan IndexStaleWhileRevalidate { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long the last good version of a feed is still served while storage fails or stalls (stale-if-error),
    /// counted from its last successful check; also the <c>stale-if-error</c> that feeds give caches in front.
    /// </summary>
    public TimeSpan IndexStaleIfError { get; set; } = TimeSpan.FromDays(1);
}
