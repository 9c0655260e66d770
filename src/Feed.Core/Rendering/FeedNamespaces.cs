using System.Xml.Linq;

namespace Feed.Core.Rendering;

/// <summary>The XML namespaces feeds use, each with the prefix validators expect.</summary>
public static class FeedNamespaces
{
    public static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    public static readonly XNamespace Media = "http://search.yahoo.com/mrss/";
    public static readonly XNamespace DublinCore = "http://purl.org/dc/elements/1.1/";

    /// <summary>RFC 5005 feed history: <c>fh:archive</c> marks an archive document.</summary>
    public static readonly XNamespace History = "http://purl.org/syndication/history/1.0";

    public const string AtomPrefix = "atom";
    public const string MediaPrefix = "media";
    public const string DublinCorePrefix = "dc";
    public const string HistoryPrefix = "fh";
}
