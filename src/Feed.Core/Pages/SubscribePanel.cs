using Feed.Core.Feeds;

namespace Feed.Core.Pages;

/// <summary>How to subscribe to one feed: what a feed is, its URL in each format with a copy button, one-click links
/// for web readers, and the OPML of every feed.</summary>
public static class SubscribePanel
{
    public static void Write(PageHtml html, string title, IReadOnlyList<(FeedFormat Format, string Name, Uri Url)> urls, Uri opmlUrl)
    {
        html.Raw("<aside class=\"card panel\" aria-labelledby=\"subscribe\">\n<h2 id=\"subscribe\">Subscribe</h2>\n<p>")
            .Text(PageLayout.WhatIsAFeed).Raw("</p>\n<div class=\"urls\">\n");
        foreach (var (format, name, url) in urls)
        {
            var id = "url-" + FeedFormats.Extension(format);
            html.Raw("<div class=\"url\"><label id=\"label-").Raw(id).Raw("\" for=\"").Raw(id).Raw("\">").Text(name).Raw("</label><div><input id=\"").Raw(id)
                .Raw("\" type=\"url\" readonly value=\"").Text(url.AbsoluteUri).Raw("\"><button type=\"button\" data-copy=\"").Raw(id)
                .Raw("\" aria-describedby=\"label-").Raw(id).Raw("\" hidden>Copy</button></div></div>\n");
        }

        html.Raw("</div>\n<h3 class=\"meta\">Open in a web reader</h3>\n<ul class=\"readers\">\n");
        foreach (var (name, url) in FeedReaderLinks.For(urls[0].Url))
        {
            html.Raw("<li><a rel=\"noopener\" href=\"").Text(url).Raw("\">").Text(name).Raw("</a></li>\n");
        }

        html.Raw("</ul>\n<p><a class=\"button\" href=\"").Text(opmlUrl.AbsoluteUri).Raw("\">Every feed as OPML</a></p>\n")
            .Raw("<p class=\"meta\">OPML is a list of feeds that most readers import in one go (").Text(title).Raw(" is one of them).</p>\n</aside>\n");
    }
}
