using Feed.Core.Feeds;
using Feed.Core.Http;

namespace Feed.Core.Pages;

/// <summary>
/// The catalog for people: every feed grouped into topics and providers, each with its article count, newest article
/// date and a thumbnail, a filter box, the subscribe-all OPML, and autodiscovery links for browsers and readers.
/// </summary>
public static class CatalogPageWriter
{
    public static byte[] Write(IReadOnlyList<FeedSummary> feeds, Uri baseUrl, string? language)
    {
        var catalog = PublicUrls.Catalog(baseUrl);
        var opml = new Uri(baseUrl, $"{FeedRoutes.Prefix}/{FeedRoutes.Opml}");
        var alternates = feeds.SelectMany(f => new[]
        {
            (FeedFormat.Rss, f.Title, PublicUrls.Feed(baseUrl, f.Key, FeedFormat.Rss)),
            (FeedFormat.Atom, f.Title, PublicUrls.Feed(baseUrl, f.Key, FeedFormat.Atom)),
        });
        var html = PageLayout.Begin(language, "Feeds", "Every feed Feed publishes: all articles, each topic and each provider, in RSS, Atom and JSON Feed.", catalog, alternates);
        html.Raw("<h1>Feeds</h1>\n<p class=\"lede\">Follow every article, a topic or a provider in your feed reader: ")
            .Number(feeds.Count).Raw(feeds.Count == 1 ? " feed" : " feeds").Raw(", in RSS, Atom and JSON Feed.</p>\n")
            .Raw("<div class=\"card intro\"><p>").Text(PageLayout.WhatIsAFeed).Raw("</p>\n<p><a class=\"button primary\" href=\"").Text(opml.AbsoluteUri)
            .Raw("\">Subscribe to all (OPML)</a></p></div>\n")
            .Raw("<div class=\"toolbar\" hidden><label for=\"filter\">Filter feeds</label><input id=\"filter\" type=\"search\" autocomplete=\"off\" placeholder=\"Type a topic or provider, e.g. AI\"></div>\n")
            .Raw("<p id=\"nomatch\" class=\"nomatch\" hidden>No feed matches your filter.</p>\n");
        if (feeds.Count == 0)
        {
            html.Raw("<p class=\"card empty\">No feeds yet: upload an article file and its feeds appear here.</p>\n");
        }

        Group(html, "everything", "Everything", feeds.Where(f => f.Key.Kind == FeedKind.All).ToList(), baseUrl);
        Group(html, "topics", "Topics", feeds.Where(f => f.Key.Kind == FeedKind.Topic).ToList(), baseUrl);
        Group(html, "providers", "Providers", feeds.Where(f => f.Key.Kind == FeedKind.Provider).ToList(), baseUrl);
        return PageLayout.End(html);
    }

    private static void Group(PageHtml html, string id, string name, IReadOnlyList<FeedSummary> feeds, Uri baseUrl)
    {
        if (feeds.Count == 0)
        {
            return;
        }

        html.Raw("<section class=\"group\" aria-labelledby=\"").Raw(id).Raw("\"><h2 id=\"").Raw(id).Raw("\">").Raw(name)
            .Raw(" <span class=\"count\">").Number(feeds.Count).Raw("</span></h2>\n<ul class=\"grid\">\n");
        foreach (var feed in feeds)
        {
            html.Raw("<li class=\"card feed\" data-name=\"").Text($"{feed.Title} {feed.Key.Key}".ToLowerInvariant()).Raw("\">");
            if (PageHtml.IsLinkable(feed.ImageUrl))
            {
                html.Raw("<img src=\"").Text(feed.ImageUrl).Raw("\" alt=\"\" width=\"72\" height=\"72\" loading=\"lazy\" decoding=\"async\">");
            }
            else
            {
                html.Raw("<span class=\"noimg\" aria-hidden=\"true\">").Text(feed.Title.Length > 0 ? feed.Title[..1].ToUpperInvariant() : "?").Raw("</span>");
            }

            html.Raw("<div><h3><a href=\"").Text(PublicUrls.Feed(baseUrl, feed.Key, FeedFormat.Rss).AbsoluteUri).Raw("\">").Text(feed.Title).Raw("</a></h3>\n")
                .Raw("<p class=\"meta\">").Number(feed.Count).Raw(feed.Count == 1 ? " article" : " articles");
            if (feed.NewestPublished is { } newest)
            {
                html.Raw(" · newest ").Date(newest);
            }

            html.Raw("</p>\n<p class=\"formats\">");
            foreach (var (format, label) in new[] { (FeedFormat.Rss, "RSS"), (FeedFormat.Atom, "Atom"), (FeedFormat.Json, "JSON Feed") })
            {
                html.Raw("<a href=\"").Text(PublicUrls.Feed(baseUrl, feed.Key, format).AbsoluteUri).Raw("\" aria-label=\"").Text($"{feed.Title} as {label}").Raw("\">").Raw(label).Raw("</a>");
            }

            html.Raw("</p></div></li>\n");
        }

        html.Raw("</ul></section>\n");
    }
}
