using System.Text.Encodings.Web;
using System.Text.Json;
using Feed.Core.Feeds;
using Feed.Core.Normalization;

namespace Feed.Core.Rendering;

/// <summary>JSON Feed 1.1 (https://jsonfeed.org/version/1.1).</summary>
public static class JsonFeedWriter
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes the feed; its older archive page, if any, is <c>next_url</c> (JSON Feed's paging to older items).</summary>
    public static byte[] Write(FeedView view)
    {
        var nextUrl = view.PrevArchiveUrl;
        using var stream = new MemoryStream(16 * 1024);
        using (var json = new Utf8JsonWriter(stream, Options))
        {
            json.WriteStartObject();
            json.WriteString("version", "https://jsonfeed.org/version/1.1");
            json.WriteString("title", view.Title);
            json.WriteString("description", view.Description);
            json.WriteString("home_page_url", view.HomeUrl.AbsoluteUri);
            json.WriteString("feed_url", view.SelfUrl.AbsoluteUri);
            if (view.Language is not null)
            {
                json.WriteString("language", view.Language);
            }

            if (nextUrl is not null)
            {
                json.WriteString("next_url", nextUrl.AbsoluteUri);
            }

            if (view.HubUrl is { } hub)
            {
                json.WriteStartArray("hubs");
                json.WriteStartObject();
                json.WriteString("type", "WebSub");
                json.WriteString("url", hub.AbsoluteUri);
                json.WriteEndObject();
                json.WriteEndArray();
            }

            json.WriteStartArray("authors");
            json.WriteStartObject();
            json.WriteString("name", AtomFeedWriter.Publisher);
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteStartArray("items");
            foreach (var entry in view.Entries)
            {
                WriteItem(json, entry);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return stream.ToArray();
    }

    private static void WriteItem(Utf8JsonWriter json, FeedEntry entry)
    {
        json.WriteStartObject();
        json.WriteString("id", ArticleIdentity.ToUrn(entry.Id));
        json.WriteString("url", entry.Link);
        json.WriteString("title", entry.Title);
        json.WriteString("content_html", EntryHtml.Render(entry));
        if (entry.Excerpt is { } excerpt)
        {
            json.WriteString("summary", excerpt);
        }

        if (entry.Images.Count > 0)
        {
            json.WriteString("image", entry.Images[0].Url);
        }

        json.WriteString("date_published", entry.Published.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture));
        json.WriteString("date_modified", entry.Updated.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture));
        json.WriteStartArray("authors");
        json.WriteStartObject();
        json.WriteString("name", entry.ProviderName);
        json.WriteString("url", "https://" + entry.ProviderDomain + "/");
        json.WriteEndObject();
        json.WriteEndArray();
        if (entry.Topics.Count > 0)
        {
            json.WriteStartArray("tags");
            foreach (var topic in entry.Topics)
            {
                json.WriteStringValue(topic.Name);
            }

            json.WriteEndArray();
        }

        if (entry.FeaturedMediaUrl is { } media)
        {
            json.WriteStartArray("attachments");
            json.WriteStartObject();
            json.WriteString("url", media);
            json.WriteString("mime_type", "text/html");
            json.WriteString("title", "Video");
            json.WriteEndObject();
            json.WriteEndArray();
        }

        json.WriteEndObject();
    }
}
