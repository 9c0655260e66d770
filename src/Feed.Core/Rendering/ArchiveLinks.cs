using System.Xml.Linq;

namespace Feed.Core.Rendering;

/// <summary>RFC 5005 links of a feed document, in the order they are written, and the archive marker.</summary>
public static class ArchiveLinks
{
    public static IEnumerable<(string Rel, Uri Url)> Of(FeedView view)
    {
        if (view.CurrentUrl is { } current)
        {
            yield return ("current", current);
        }

        if (view.PrevArchiveUrl is { } previous)
        {
            yield return ("prev-archive", previous);
        }

        if (view.NextArchiveUrl is { } next)
        {
            yield return ("next-archive", next);
        }
    }

    /// <summary><c>&lt;fh:archive/&gt;</c>: this document is an archive page whose entries do not change.</summary>
    public static XElement ArchiveMarker() =>
        new(FeedNamespaces.History + "archive", new XAttribute(XNamespace.Xmlns + FeedNamespaces.HistoryPrefix, FeedNamespaces.History.NamespaceName));
}
