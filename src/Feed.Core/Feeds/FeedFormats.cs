namespace Feed.Core.Feeds;

/// <summary>File extensions and media types of the feed formats.</summary>
public static class FeedFormats
{
    public const string Supported = ".rss, .atom, .json";

    public static bool TryParse(string extension, out FeedFormat format)
    {
        switch (extension)
        {
            case "rss":
                format = FeedFormat.Rss;
                return true;
            case "atom":
                format = FeedFormat.Atom;
                return true;
            case "json":
                format = FeedFormat.Json;
                return true;
            default:
                format = default;
                return false;
        }
    }

    public static string Extension(FeedFormat format) => format switch
    {
        FeedFormat.Rss => "rss",
        FeedFormat.Atom => "atom",
        _ => "json",
    };

    public static string MediaType(FeedFormat format) => format switch
    {
        FeedFormat.Rss => "application/rss+xml; charset=utf-8",
        FeedFormat.Atom => "application/atom+xml; charset=utf-8",
        _ => "application/feed+json; charset=utf-8",
    };
}
