using System.Text.Encodings.Web;
using System.Text.Json;
using Feed.Core.Feeds;
using Feed.Core.Http;

namespace Feed.Core.Rendering;

/// <summary>The catalog of every feed as JSON, for programs (the page for people is <see cref="Pages.CatalogPageWriter"/>).</summary>
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
}
