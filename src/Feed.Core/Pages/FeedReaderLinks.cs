namespace Feed.Core.Pages;

/// <summary>
/// Web readers that publish a one-click subscribe URL, and how each takes the feed's URL (percent-encoded):
/// Feedly <c>/i/subscription/feed%2F{url}</c>, Inoreader <c>/?add_feed={url}</c>, NewsBlur <c>/?url={url}</c>,
/// The Old Reader <c>/feeds/subscribe?url={url}</c>, Feedbin <c>/?subscribe={url}</c>.
/// </summary>
public static class FeedReaderLinks
{
    private static readonly (string Name, string Prefix)[] Readers =
    [
        ("Feedly", "https://feedly.com/i/subscription/feed%2F"),
        ("Inoreader", "https://www.inoreader.com/?add_feed="),
        ("NewsBlur", "https://www.newsblur.com/?url="),
        ("The Old Reader", "https://theoldreader.com/feeds/subscribe?url="),
        ("Feedbin", "https://feedbin.com/?subscribe="),
    ];

    public static IEnumerable<(string Name, string Url)> For(Uri feedUrl) =>
        Readers.Select(r => (r.Name, r.Prefix + Uri.EscapeDataString(feedUrl.AbsoluteUri)));
}
