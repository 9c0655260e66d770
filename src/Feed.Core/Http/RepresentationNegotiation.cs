using System.Globalization;
using Feed.Core.Feeds;
using Microsoft.Extensions.Primitives;

namespace Feed.Core.Http;

/// <summary>
/// Decides, from the Accept header (RFC 9110 §12.5.1, with q-values), whether a feed URL answers with the page people
/// read or with the feed itself. The page only when <c>text/html</c> (or XHTML) is strictly preferred over anything
/// the feed satisfies and no feed media type is asked for: every reader, and every client without an opinion
/// (<c>*/*</c>, no header), keeps getting the feed.
/// </summary>
public static class RepresentationNegotiation
{
    private static readonly string[] FeedMediaTypes =
        ["application/rss+xml", "application/atom+xml", "application/feed+json", "application/rdf+xml"];

    private static readonly string[] PageMediaTypes = ["text/html", "application/xhtml+xml"];

    public static bool PrefersPage(StringValues accept, FeedFormat format)
    {
        double page = 0, feed = 0;
        foreach (var header in accept)
        {
            if (header is null)
            {
                continue;
            }

            foreach (var range in header.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var (mediaRange, quality) = Parse(range);
                if (quality <= 0)
                {
                    continue;
                }

                if (FeedMediaTypes.Contains(mediaRange))
                {
                    return false;
                }

                if (PageMediaTypes.Contains(mediaRange))
                {
                    page = Math.Max(page, quality);
                }
                else if (IsSatisfiedByFeed(mediaRange, format))
                {
                    feed = Math.Max(feed, quality);
                }
            }
        }

        return page > feed;
    }

    /// <summary>Ranges the feed document is an acceptable answer to besides its own media type.</summary>
    private static bool IsSatisfiedByFeed(string mediaRange, FeedFormat format) => mediaRange switch
    {
        "*/*" or "application/*" => true,
        "application/xml" or "text/xml" => format != FeedFormat.Json,
        "application/json" => format == FeedFormat.Json,
        _ => false,
    };

    private static (string MediaRange, double Quality) Parse(string range)
    {
        var parameters = range.Split(';', StringSplitOptions.TrimEntries);
        var quality = 1.0;
        foreach (var parameter in parameters.AsSpan(1))
        {
            if (parameter.StartsWith("q=", StringComparison.OrdinalIgnoreCase))
            {
                quality = double.TryParse(parameter.AsSpan(2), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var q) ? Math.Clamp(q, 0, 1) : 0;
            }
        }

        return (parameters[0].ToLowerInvariant(), quality);
    }
}
