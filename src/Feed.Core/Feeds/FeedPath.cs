namespace Feed.Core.Feeds;

/// <summary>
/// Parses the part of a feed URL after <c>/api/feeds/</c>: <c>all.rss</c>, <c>topics/{slug}.atom</c>,
/// <c>providers/{domain}.json</c>. Anything else is refused before storage is touched.
/// </summary>
public static class FeedPath
{
    public const int MaxKeyLength = 200;

    public static bool TryParse(string? path, out FeedKey key, out FeedFormat format, out string error)
    {
        key = default;
        format = default;
        error = "";
        if (string.IsNullOrEmpty(path) || path.Length > MaxKeyLength + 20)
        {
            error = "no such feed; feeds are /api/feeds/all.rss, /api/feeds/topics/{topic}.rss and /api/feeds/providers/{domain}.rss";
            return false;
        }

        var dot = path.LastIndexOf('.');
        var slash = path.LastIndexOf('/');
        if (dot <= slash + 1)
        {
            error = $"no format given; supported: {FeedFormats.Supported}";
            return false;
        }

        var extension = path[(dot + 1)..];
        var name = path[..dot];
        if (!FeedFormats.TryParse(extension, out format))
        {
            error = $"unknown format '.{Shorten(extension)}'; supported: {FeedFormats.Supported}";
            return false;
        }

        if (name == "all")
        {
            key = FeedKey.All;
            return true;
        }

        var separator = name.IndexOf('/');
        var kind = separator < 0 ? "" : name[..separator];
        var value = separator < 0 ? "" : name[(separator + 1)..];
        if (!IsValidKey(value))
        {
            error = "no such feed; a topic is named by its slug (e.g. aws-ai) and a provider by its domain (e.g. scmp.com)";
            return false;
        }

        switch (kind)
        {
            case "topics":
                key = FeedKey.Topic(value);
                return true;
            case "providers":
                key = FeedKey.Provider(value);
                return true;
            default:
                error = "no such feed; feeds are /api/feeds/all.rss, /api/feeds/topics/{topic}.rss and /api/feeds/providers/{domain}.rss";
                return false;
        }
    }

    /// <summary>Topic slugs and provider domains: lower-case letters, digits, '-' and '.', not starting with a dot.</summary>
    public static bool IsValidKey(string value)
    {
        if (value.Length is 0 or > MaxKeyLength || value[0] is '.' or '-' || value.Contains("..", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var c in value)
        {
            if (c is not ((>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    private static string Shorten(string value) => value.Length <= 20 ? value : value[..20] + "...";
}
