using Feed.Core.Feeds;
using Feed.Core.Http;
using Feed.Core.Rendering;

namespace Feed.Core.Pages;

/// <summary>
/// The page a person sees at a feed's URL (or an archive page's): the same entries as the feed document, drawn for
/// reading, with the RFC 5005 archive links as paging and a panel on how to subscribe.
/// </summary>
public static class FeedPageWriter
{
    private static readonly (FeedFormat Format, string Name)[] Formats =
        [(FeedFormat.Rss, "RSS"), (FeedFormat.Atom, "Atom"), (FeedFormat.Json, "JSON Feed")];

    public static byte[] Write(FeedView view, FeedFormat format)
    {
        var subscription = view.CurrentUrl ?? view.SelfUrl;
        var urls = Formats.Select(f => (f.Format, f.Name, WithFormat(subscription, f.Format))).ToList();
        var page = ArchivePageNumber(view.SelfUrl);
        var heading = page > 0 ? $"{view.Title}: archive page {page}" : view.Title;
        var html = PageLayout.Begin(view.Language, heading, view.Description, view.HomeUrl, urls.Select(u => (u.Format, $"{view.Title} ({u.Name})", u.Item3)));

        var count = view.Entries.Count;
        var articles = count == 1 ? " article" : " articles";
        html.Raw("<h1>").Text(heading).Raw("</h1>\n<p class=\"lede\">").Text(view.Description).Raw(" ");
        if (page > 0)
        {
            html.Number(count).Raw(articles).Raw(" on this archive page");
        }
        else if (view.PrevArchiveUrl is not null)
        {
            html.Raw("The newest ").Number(count).Raw(articles).Raw(" are here, older ones on archive pages");
        }
        else
        {
            html.Number(count).Raw(articles);
        }

        html.Raw("; updated ").Date(view.Updated).Raw(".</p>\n<p class=\"actions\"><a class=\"button primary\" href=\"#subscribe\">Subscribe to this feed</a></p>\n")
            .Raw("<div class=\"layout\">\n<div>\n");
        if (view.IsArchive)
        {
            Pager(html, view);
        }

        if (view.Entries.Count == 0)
        {
            html.Raw("<p class=\"card empty\">No articles here").Raw(view.PrevArchiveUrl is null ? "." : "; older ones are on the archive pages.").Raw("</p>\n");
        }
        else
        {
            html.Raw("<ol class=\"items\">\n");
            foreach (var entry in view.Entries)
            {
                Item(html, entry, view.HomeUrl, format);
            }

            html.Raw("</ol>\n");
        }

        Pager(html, view);
        html.Raw("</div>\n");
        SubscribePanel.Write(html, view.Title, urls, new Uri(view.HomeUrl, FeedRoutes.Opml));
        html.Raw("</div>\n");
        return PageLayout.End(html);
    }

    private static void Item(PageHtml html, FeedEntry entry, Uri catalogUrl, FeedFormat format)
    {
        var link = PageHtml.IsLinkable(entry.Link) ? entry.Link : null;
        var image = entry.Images.FirstOrDefault(i => PageHtml.IsLinkable(i.Url));
        html.Raw(image is null ? "<li class=\"card item text\">" : "<li class=\"card item\">");
        if (image is not null)
        {
            html.Raw("<img src=\"").Text(image.Url).Raw("\" alt=\"\" loading=\"lazy\" decoding=\"async\"");
            html.Raw(" width=\"").Number(image.Width ?? 1600).Raw("\" height=\"").Number(image.Height ?? 900).Raw("\">");
        }

        html.Raw("<div>\n<h2>");
        if (entry.Type == "video")
        {
            html.Raw("<span class=\"badge\">Video</span>");
        }

        if (link is not null)
        {
            html.Raw("<a href=\"").Text(link).Raw("\">").Text(entry.Title).Raw("</a>");
        }
        else
        {
            html.Text(entry.Title);
        }

        html.Raw("</h2>\n<p class=\"meta\"><a href=\"").Text(FeedUrl(catalogUrl, FeedKey.Provider(entry.ProviderDomain), format)).Raw("\">")
            .Text(entry.ProviderName).Raw("</a> · ").Date(entry.Published).Raw("</p>\n");
        if (!string.IsNullOrWhiteSpace(entry.Excerpt))
        {
            html.Raw("<p class=\"excerpt\">").Text(entry.Excerpt).Raw("</p>\n");
        }

        if (entry.FeaturedMediaUrl is { } media && PageHtml.IsLinkable(media))
        {
            html.Raw("<p><a class=\"video\" href=\"").Text(media).Raw("\">▶ Watch the video</a></p>\n");
        }

        if (entry.Topics.Count > 0)
        {
            html.Raw("<ul class=\"chips\" aria-label=\"Topics\">");
            foreach (var topic in entry.Topics)
            {
                html.Raw("<li><a href=\"").Text(FeedUrl(catalogUrl, FeedKey.Topic(topic.Key), format)).Raw("\">").Text(topic.Name).Raw("</a></li>");
            }

            html.Raw("</ul>\n");
        }

        var related = entry.Related.Where(r => PageHtml.IsLinkable(r.Url)).ToList();
        if (related.Count > 0)
        {
            html.Raw("<details class=\"related\"><summary>").Number(related.Count).Raw(related.Count == 1 ? " related article" : " related articles").Raw("</summary><ul>");
            foreach (var article in related)
            {
                html.Raw("<li><a href=\"").Text(article.Url).Raw("\">").Text(article.Title).Raw("</a>");
                if (article.ProviderName is { } provider)
                {
                    html.Raw(" <span class=\"meta\">").Text(provider).Raw("</span>");
                }

                html.Raw("</li>");
            }

            html.Raw("</ul></details>\n");
        }

        html.Raw("</div></li>\n");
    }

    /// <summary>RFC 5005 paging: older (prev-archive), newer (next-archive) and the current feed.</summary>
    private static void Pager(PageHtml html, FeedView view)
    {
        if (view.PrevArchiveUrl is null && view.NextArchiveUrl is null && view.CurrentUrl is null)
        {
            return;
        }

        html.Raw("<nav class=\"pager\" aria-label=\"Archive pages\">");
        if (view.CurrentUrl is { } current)
        {
            html.Raw("<a class=\"button\" href=\"").Text(current.AbsoluteUri).Raw("\">Newest articles</a>");
        }

        if (view.NextArchiveUrl is { } next)
        {
            html.Raw("<a class=\"button\" rel=\"next\" href=\"").Text(next.AbsoluteUri).Raw("\">← Newer</a>");
        }

        if (view.PrevArchiveUrl is { } previous)
        {
            html.Raw("<a class=\"button\" rel=\"prev\" href=\"").Text(previous.AbsoluteUri).Raw("\">Older →</a>");
        }

        html.Raw("</nav>\n");
    }

    private static string FeedUrl(Uri catalogUrl, FeedKey key, FeedFormat format) =>
        new Uri(catalogUrl, $"{FeedRoutes.Catalog}/{key.Path}.{FeedFormats.Extension(format)}").AbsoluteUri;

    /// <summary>The same document in another format: the extension of the path changes, the query stays.</summary>
    private static Uri WithFormat(Uri url, FeedFormat format)
    {
        var builder = new UriBuilder(url);
        var dot = builder.Path.LastIndexOf('.');
        builder.Path = builder.Path[..dot] + "." + FeedFormats.Extension(format);
        return builder.Uri;
    }

    private static int ArchivePageNumber(Uri selfUrl)
    {
        var marker = "/" + FeedRoutes.Catalog + "/";
        var path = selfUrl.AbsolutePath;
        var start = path.IndexOf(marker, StringComparison.Ordinal);
        return start >= 0 && FeedPath.TryParse(path[(start + marker.Length)..], out _, out _, out var page, out _) ? page : 0;
    }
}
