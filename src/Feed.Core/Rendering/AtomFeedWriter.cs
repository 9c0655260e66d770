using System.ServiceModel.Syndication;
using System.Xml;
using System.Xml.Linq;
using Feed.Core.Feeds;
using Feed.Core.Normalization;

namespace Feed.Core.Rendering;

/// <summary>Atom 1.0 (RFC 4287) through <see cref="Atom10FeedFormatter"/>, with Media RSS for images and video.</summary>
public static class AtomFeedWriter
{
    public const string Publisher = "Feed";

    public static byte[] Write(FeedView view)
    {
        var feed = new SyndicationFeed
        {
            Id = view.Id,
            Title = new TextSyndicationContent(view.Title),
            Description = new TextSyndicationContent(view.Description),
            LastUpdatedTime = view.Updated,
            Generator = Publisher,
            Language = view.Language,
        };
        feed.AttributeExtensions.Add(new XmlQualifiedName(FeedNamespaces.MediaPrefix, XNamespace.Xmlns.NamespaceName), FeedNamespaces.Media.NamespaceName);
        feed.Authors.Add(new SyndicationPerson { Name = Publisher });
        feed.Links.Add(new SyndicationLink(view.SelfUrl, "self", null, "application/atom+xml", 0));
        feed.Links.Add(new SyndicationLink(view.HomeUrl, "alternate", null, "text/html", 0));
        if (view.HubUrl is { } hub)
        {
            feed.Links.Add(new SyndicationLink(hub, "hub", null, null, 0));
        }

        foreach (var (rel, url) in ArchiveLinks.Of(view))
        {
            feed.Links.Add(new SyndicationLink(url, rel, null, "application/atom+xml", 0));
        }

        if (view.IsArchive)
        {
            feed.AttributeExtensions.Add(new XmlQualifiedName(FeedNamespaces.HistoryPrefix, XNamespace.Xmlns.NamespaceName), FeedNamespaces.History.NamespaceName);
            feed.ElementExtensions.Add(ArchiveLinks.ArchiveMarker());
        }
        feed.Items = view.Entries.Select(Entry).ToList();
        return XmlFeedOutput.Write(new Atom10FeedFormatter(feed));
    }

    private static SyndicationItem Entry(FeedEntry entry)
    {
        var item = new SyndicationItem
        {
            Id = ArticleIdentity.ToUrn(entry.Id),
            Title = new TextSyndicationContent(entry.Title),
            Summary = new TextSyndicationContent(EntryHtml.Render(entry), TextSyndicationContentKind.Html),
            PublishDate = entry.Published,
            LastUpdatedTime = entry.Updated,
        };
        item.Authors.Add(new SyndicationPerson { Name = entry.ProviderName, Uri = "https://" + entry.ProviderDomain + "/" });
        item.Links.Add(SyndicationLink.CreateAlternateLink(new Uri(entry.Link), "text/html"));
        foreach (var related in entry.Related)
        {
            item.Links.Add(new SyndicationLink(new Uri(related.Url), "related", related.Title, null, 0));
        }

        foreach (var topic in entry.Topics)
        {
            item.Categories.Add(new SyndicationCategory(topic.Key, null, topic.Name));
        }

        foreach (var media in MediaElements.For(entry))
        {
            item.ElementExtensions.Add(media);
        }

        return item;
    }
}
