using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Feed.Core.Http;

/// <summary>Whether a conditional GET or HEAD (RFC 9110 §13) can be answered 304 Not Modified.</summary>
public static class ConditionalRequest
{
    /// <summary>
    /// If-None-Match decides when present (weak comparison, RFC 9110 §13.1.2; a coding suffix such as <c>-gzip</c>
    /// is ignored, so any coding of one version matches); otherwise If-Modified-Since, to the second.
    /// </summary>
    public static bool IsNotModified(HttpRequest request, string etag, DateTimeOffset? lastModified)
    {
        var ifNoneMatch = request.Headers.IfNoneMatch;
        if (ifNoneMatch.Count > 0)
        {
            foreach (var header in ifNoneMatch)
            {
                foreach (var tag in (header ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                {
                    if (tag == "*" || Unquote(tag) == etag)
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        return lastModified is { } modified
            && DateTimeOffset.TryParseExact(
                request.Headers.IfModifiedSince.ToString(),
                "R",
                CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal,
                out var since)
            && TruncateToSeconds(modified) <= since;
    }

    private static string Unquote(string tag)
    {
        if (tag.StartsWith("W/", StringComparison.Ordinal))
        {
            tag = tag[2..];
        }

        tag = tag.Trim('"');
        var dash = tag.IndexOf('-', StringComparison.Ordinal);
        return dash < 0 ? tag : tag[..dash];
    }

    private static DateTimeOffset TruncateToSeconds(DateTimeOffset value) =>
        new(value.Ticks - (value.Ticks % TimeSpan.TicksPerSecond), value.Offset);
}
