using System.ServiceModel.Syndication;
using System.Xml;
using System.Xml.Linq;
using Feed.Core.Feeds;
using Feed.Core.Normalization;

namespace Feed.Core.Rendering;

/// <summary>
/// RSS 2.0 through <see cref="Rss20FeedFormatter"/>, with what validators and readers expect beyond its defaults:
/// the Atom namespace as <c>atom</c> (not <c>a10</c>), a self link, <c>dc:creator</c>, Media RSS, one enclosure with
/// type and length, and dates with a numeric zone (the formatter writes the military zone <c>Z</c> for UTC).
/// </summary>
public static class RssFeedWriter
{
    public static byte[] Write(FeedView view)
    {
        var feed = new SyndicationFeed(view.Title, view.Description, view.HomeUrl)
        {
            Generator = "Feed",
            Language = view.Language,
        };
        feed.ElementExtensions.Add(new XElement("lastBuildDate", Rfc822(view.Updated)));
        feed.AttributeExtensions.Add(new XmlQualifiedName(FeedNamespaces.AtomPrefix, XNamespace.Xmlns.NamespaceName), FeedNamespaces.Atom.NamespaceName);
        feed.AttributeExtensions.Add(new XmlQualifiedName(FeedNamespaces.DublinCorePrefix, XNamespace.Xmlns.NamespaceName), FeedNamespaces.DublinCore.NamespaceName);
        feed.AttributeExtensions.Add(new XmlQualifiedName(FeedNamespaces.MediaPrefix, XNamespace.Xmlns.NamespaceName), FeedNamespaces.Media.NamespaceName);
        feed.ElementExtensions.Add(AtomLink("self", view.SelfUrl.AbsoluteUri, "application/rss+xml", null));
        if (view.HubUrl is { } hub)
        {
            feed.ElementExtensions.Add(AtomLink("hub", hub.AbsoluteUri, null, null));
        }

        foreach (var (rel, url) in ArchiveLinks.Of(view))
        {
            feed.ElementExtensions.Add(AtomLink(rel, url.AbsoluteUri, "application/rss+xml", null));
        }

        if (view.IsArchive)
        {
            feed.AttributeExtensions.Add(new XmlQualifiedName(FeedNamespaces.HistoryPrefix, XNamespace.Xmlns.NamespaceName), FeedNamespaces.History.NamespaceName);
            feed.ElementExtensions.Add(ArchiveLinks.ArchiveMarker());
        }

        feed.Items = view.Entries.Select(Item).ToList();
        return XmlFeedOutput.Write(new Rss20FeedFormatter(feed, serializeExtensionsAsAtom: false));
    }

    private static SyndicationItem Item(FeedEntry entry)
    {
        var item = new SyndicationItem
        {
            Id = ArticleIdentity.ToUrn(entry.Id),
            Title = new TextSyndicationContent(entry.Title),
            Summary = new TextSyndicationContent(EntryHtml.Render(entry), TextSyndicationContentKind.Html),
        };
        item.Links.Add(SyndicationLink.CreateAlternateLink(new Uri(entry.Link)));
        item.ElementExtensions.Add(new XElement("pubDate", Rfc822(entry.Published)));
        if (entry.Images.Count > 0)
        {
            // Written by hand: the formatter leaves out length when it is unknown (0), and RSS requires it.
            var image = entry.Images[0];
            item.ElementExtensions.Add(new XElement(
                "enclosure",
                new XAttribute("url", image.Url),
                new XAttribute("length", 0),
                new XAttribute("type", MediaElements.ImageType(image.Url))));
        }

        foreach (var topic in entry.Topics)
        {
            item.Categories.Add(new SyndicationCategory(topic.Name));
        }

        item.ElementExtensions.Add(new XElement(
            FeedNamespaces.DublinCore + "creator",
            new XAttribute(XNamespace.Xmlns + FeedNamespaces.DublinCorePrefix, FeedNamespaces.DublinCore.NamespaceName),
            entry.ProviderName));
        foreach (var related in entry.Related)
        {
            item.ElementExtensions.Add(AtomLink("related", related.Url, null, related.Title));
        }

        foreach (var media in MediaElements.For(entry))
        {
            item.ElementExtensions.Add(media);
        }

        return item;
    }

    /// <summary>RFC 822 with a four-digit year and a numeric zone: <c>Fri, 27 Aug 2021 16:15:00 +0000</c>.</summary>
    public static string Rfc822(DateTimeOffset value) =>
        value.UtcDateTime.ToString("ddd, dd MMM yyyy HH:mm:ss '+0000'", System.Globalization.CultureInfo.InvariantCulture);

    private static XElement AtomLink(string rel, string href, string? type, string? title)
    {
        var link = new XElement(
            FeedNamespaces.Atom + "link",
            new XAttribute(XNamespace.Xmlns + FeedNamespaces.AtomPrefix, FeedNamespaces.Atom.NamespaceName),
            new XAttribute("rel", rel),
            new XAttribute("href", href));
        if (type is not null)
        {
            link.Add(new XAttribute("type", type));
        }

        if (title is not null)
        {
            link.Add(new XAttribute("title", title));
        }

        return link;
    }
}
