using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Feed.Core.Feeds;
using Feed.Core.Http;

namespace Feed.Core.Rendering;

/// <summary>The catalog of every feed: JSON for programs, HTML with autodiscovery links for people and browsers.</summary>
public static class CatalogWriter
{
    private static readonly FeedFormat[] Formats = [FeedFormat.Rss, FeedFormat.Atom, FeedFormat.Json];

    public static byte[] Json(IReadOnlyList<FeedSummary> feeds, Uri baseUrl)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("opml", new Uri(baseUrl, $"{FeedRoutes.Prefix}/{FeedRoutes.Opml}").AbsoluteUri);
            json.WriteStartArray("feeds");
            foreach (var feed in feeds)
            {
                json.WriteStartObject();
                json.WriteString("kind", feed.Key.Kind.ToString().ToLowerInvariant());
                json.WriteString("key", feed.Key.Key);
                json.WriteString("title", feed.Title);
                json.WriteNumber("itemCount", feed.Count);
                json.WriteString("lastModified", feed.LastModified.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture));
                foreach (var format in Formats)
                {
                    json.WriteString(FeedFormats.Extension(format), PublicUrls.Feed(baseUrl, feed.Key, format).AbsoluteUri);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return stream.ToArray();
    }

    public static byte[] Html(IReadOnlyList<FeedSummary> feeds, Uri baseUrl)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Feeds</title>\n");
        foreach (var feed in feeds)
        {
            html.Append("<link rel=\"alternate\" type=\"application/rss+xml\" title=\"").Append(WebUtility.HtmlEncode(feed.Title))
                .Append("\" href=\"").Append(WebUtility.HtmlEncode(PublicUrls.Feed(baseUrl, feed.Key, FeedFormat.Rss).AbsoluteUri)).Append("\">\n");
            html.Append("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"").Append(WebUtility.HtmlEncode(feed.Title))
                .Append("\" href=\"").Append(WebUtility.HtmlEncode(PublicUrls.Feed(baseUrl, feed.Key, FeedFormat.Atom).AbsoluteUri)).Append("\">\n");
        }

        var opml = new Uri(baseUrl, $"{FeedRoutes.Prefix}/{FeedRoutes.Opml}").AbsoluteUri;
        html.Append("</head><body><h1>Feeds</h1>\n<p><a href=\"").Append(WebUtility.HtmlEncode(opml)).Append("\">Subscribe to all (OPML)</a></p>\n");
        html.Append("<table><thead><tr><th>Feed</th><th>Kind</th><th>Items</th><th>Last update</th><th>Formats</th></tr></thead><tbody>\n");
        foreach (var feed in feeds)
        {
            html.Append("<tr><td>").Append(WebUtility.HtmlEncode(feed.Title)).Append("</td><td>")
                .Append(feed.Key.Kind.ToString().ToLowerInvariant()).Append("</td><td>").Append(feed.Count).Append("</td><td>")
                .Append(feed.LastModified.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture)).Append("</td><td>");
            foreach (var format in Formats)
            {
                html.Append("<a href=\"").Append(WebUtility.HtmlEncode(PublicUrls.Feed(baseUrl, feed.Key, format).AbsoluteUri)).Append("\">")
                    .Append(FeedFormats.Extension(format)).Append("</a> ");
            }

            html.Append("</td></tr>\n");
        }

        html.Append("</tbody></table></body></html>\n");
        return Encoding.UTF8.GetBytes(html.ToString());
    }
}
