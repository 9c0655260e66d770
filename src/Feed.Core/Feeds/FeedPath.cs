namespace Feed.Core.Feeds;

/// <summary>
/// Parses the part of a feed URL after <c>/api/feeds/</c>: <c>all.rss</c>, <c>topics/{slug}.atom</c>,
/// <c>providers/{domain}.json</c>, and archive pages such as <c>topics/{slug}/archive/3.rss</c>. Anything else is
/// refused before storage is touched.
/// </summary>
public static class FeedPath
{
    public const int MaxKeyLength = 200;

    /// <summary>The path segment before an archive page's number.</summary>
    public const string ArchiveSegment = "/archive/";

    /// <summary>Parses a subscription document's path; an archive page's path is refused.</summary>
    public static bool TryParse(string? path, out FeedKey key, out FeedFormat format, out string error)
    {
        if (!TryParse(path, out key, out format, out var page, out error))
        {
            return false;
        }

        if (page != 0)
        {
            error = "an archive page, not a feed";
            return false;
        }

        return true;
    }

    /// <summary>As <see cref="TryParse(string?, out FeedKey, out FeedFormat, out string)"/>; <paramref name="archivePage"/> is 0 for the subscription document.</summary>
    public static bool TryParse(string? path, out FeedKey key, out FeedFormat format, out int archivePage, out string error)
    {
        key = default;
        format = default;
        archivePage = 0;
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
            error = $"unknown format '.{Http.ReasonText.Quote(extension)}'; supported: {FeedFormats.Supported}";
            return false;
        }

        var archive = name.LastIndexOf(ArchiveSegment, StringComparison.Ordinal);
        if (archive >= 0)
        {
            var number = name[(archive + ArchiveSegment.Length)..];
            if (number.Length is 0 or > 9 || number[0] == '0' || !number.All(char.IsAsciiDigit))
            {
                error = "an archive page is named by its number, from 1: e.g. /api/feeds/topics/{topic}/archive/1.rss";
                return false;
            }

            archivePage = int.Parse(number, System.Globalization.CultureInfo.InvariantCulture);
            name = name[..archive];
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
}
