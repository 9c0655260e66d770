using Feed.Core.Feeds;

namespace Feed.Core.Rendering;

/// <summary>Renders a feed view in the requested format.</summary>
public static class FeedRenderer
{
    public static byte[] Render(FeedView view, FeedFormat format) => format switch
    {
        FeedFormat.Rss => RssFeedWriter.Write(view),
        FeedFormat.Atom => AtomFeedWriter.Write(view),
        _ => JsonFeedWriter.Write(view),
    };
}
