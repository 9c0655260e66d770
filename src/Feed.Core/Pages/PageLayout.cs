using Feed.Core.Feeds;

namespace Feed.Core.Pages;

/// <summary>The frame every page shares: head (style, autodiscovery links), site header, and footer with the script.</summary>
public static class PageLayout
{
    public const string MediaType = "text/html; charset=utf-8";

    /// <summary>Changes with every build of the page code, so that a new design never answers under an old page's ETag.</summary>
    public static string Revision { get; } = typeof(PageLayout).Assembly.ManifestModule.ModuleVersionId.ToString("N");

    /// <summary>What a feed is, in two sentences, for people who meet one for the first time.</summary>
    public const string WhatIsAFeed =
        "A feed is a list of a site's newest articles that a feed reader app checks for you, so new articles come to you instead of you visiting every site. " +
        "Copy a feed's address into any reader (or use a one-click button), and it keeps you up to date; nothing to sign up for here, and you can unsubscribe any time.";

    public static PageHtml Begin(string? language, string title, string description, Uri catalogUrl, IEnumerable<(FeedFormat Format, string Title, Uri Url)> alternates)
    {
        var html = new PageHtml();
        html.Raw("<!DOCTYPE html>\n<html lang=\"").Text(string.IsNullOrWhiteSpace(language) ? "en" : language).Raw("\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Raw("<meta name=\"referrer\" content=\"strict-origin-when-cross-origin\">\n")
            .Raw("<title>").Text(title).Raw(" · Feed</title>\n")
            .Raw("<meta name=\"description\" content=\"").Text(description).Raw("\">\n");
        foreach (var (format, alternateTitle, url) in alternates)
        {
            html.Raw("<link rel=\"alternate\" type=\"").Raw(MediaTypeOf(format)).Raw("\" title=\"").Text(alternateTitle).Raw("\" href=\"").Text(url.AbsoluteUri).Raw("\">\n");
        }

        html.Raw("<style>").Raw(PageStyle.Css).Raw("</style>\n</head>\n<body>\n")
            .Raw("<a class=\"skip\" href=\"#main\">Skip to content</a>\n")
            .Raw("<header class=\"site\"><div><a href=\"").Text(catalogUrl.AbsoluteUri).Raw("\"><span class=\"logo\" aria-hidden=\"true\">F</span>Feed</a>")
            .Raw("<nav aria-label=\"Site\"><a href=\"").Text(catalogUrl.AbsoluteUri).Raw("\">All feeds</a></nav></div></header>\n")
            .Raw("<main id=\"main\">\n");
        return html;
    }

    public static byte[] End(PageHtml html) =>
        html.Raw("</main>\n<footer><p>Served by Feed in RSS 2.0, Atom 1.0 and JSON Feed 1.1. Readers fetching these addresses get the feed itself; browsers get this page.</p></footer>\n")
            .Raw("<script>").Raw(PageScript.Js).Raw("</script>\n</body>\n</html>\n")
            .ToUtf8();

    private static string MediaTypeOf(FeedFormat format) => FeedFormats.MediaType(format).Split(';')[0];
}
