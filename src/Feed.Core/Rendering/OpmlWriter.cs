using System.Text;
using System.Xml;
using Feed.Core.Feeds;
using Feed.Core.Http;

namespace Feed.Core.Rendering;

/// <summary>OPML 2.0 listing feeds' RSS (the endpoint lists one kind: <see cref="Http.OpmlSelection"/>), to subscribe to all at once.</summary>
public static class OpmlWriter
{
    public static byte[] Write(IReadOnlyList<FeedSummary> feeds, Uri baseUrl, DateTimeOffset dateModified, string title = "Feed: every feed")
    {
        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false) }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("opml");
            xml.WriteAttributeString("version", "2.0");
            xml.WriteStartElement("head");
            xml.WriteElementString("title", title);
            xml.WriteElementString("dateModified", dateModified.ToString("r", System.Globalization.CultureInfo.InvariantCulture));
            xml.WriteEndElement();
            xml.WriteStartElement("body");
            foreach (var group in feeds.GroupBy(f => f.Key.Kind))
            {
                xml.WriteStartElement("outline");
                xml.WriteAttributeString("text", group.Key switch { FeedKind.All => "All", FeedKind.Topic => "Topics", _ => "Providers" });
                foreach (var feed in group)
                {
                    xml.WriteStartElement("outline");
                    xml.WriteAttributeString("type", "rss");
                    xml.WriteAttributeString("text", feed.Title);
                    xml.WriteAttributeString("title", feed.Title);
                    xml.WriteAttributeString("xmlUrl", PublicUrls.Feed(baseUrl, feed.Key, FeedFormat.Rss).AbsoluteUri);
                    xml.WriteAttributeString("htmlUrl", PublicUrls.Catalog(baseUrl).AbsoluteUri);
                    xml.WriteEndElement();
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        return stream.ToArray();
    }
}
