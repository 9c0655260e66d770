using Feed.Core.Feeds;
using Feed.Core.Ingestion;
using Feed.Core.Parsing;
using Feed.Core.Rendering;
using Feed.Testing;
using Feed.Testing.Consumers;

namespace Feed.Core.Tests.Rendering;

public sealed class FeedRendererTests
{
    [Theory]
    [InlineData(FeedFormat.Rss, "rss20")]
    [InlineData(FeedFormat.Atom, "atom10")]
    public async Task Render_SeedArticle_FeedparserReadsTitleLinkAndDate(FeedFormat format, string expectedVersion)
    {
        var view = SeedView();

        var parsed = await FeedConsumers.FeedparserAsync(FeedRenderer.Render(view, format));

        Assert.False(parsed["bozo"]!.GetValue<bool>(), parsed["bozo_exception"]?.ToString());
        Assert.Equal(expectedVersion, parsed["version"]!.GetValue<string>());
        Assert.Equal("https://feeds.example.org/api/feeds/topics/ai.rss", parsed["feed"]!["self"]!.GetValue<string>().Replace(".atom", ".rss", StringComparison.Ordinal));
        var entry = Assert.Single(parsed["entries"]!.AsArray())!;
        Assert.Equal(view.Entries[0].Title, entry["title"]!.GetValue<string>());
        Assert.Equal(view.Entries[0].Link, entry["link"]!.GetValue<string>());
        Assert.Equal("2021-08-27T16:15:00Z", entry["published"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(FeedFormat.Rss)]
    [InlineData(FeedFormat.Atom)]
    [InlineData(FeedFormat.Json)]
    public void Render_SeedArticle_NeverContainsSecuredToken(FeedFormat format)
    {
        var secured = new ArticleFileReader().Read(File.ReadAllBytes(RepositoryPaths.SeedFile)).Article!.Secured!;

        var rendered = System.Text.Encoding.UTF8.GetString(FeedRenderer.Render(SeedView(), format));

        Assert.Contains("SenseTime", rendered, StringComparison.Ordinal);
        Assert.DoesNotContain(secured[..24], rendered, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(FeedFormat.Rss)]
    [InlineData(FeedFormat.Atom)]
    [InlineData(FeedFormat.Json)]
    public void Render_EncodedMarkupInTitleAndExcerpt_DecodedToTextNeverMarkup(FeedFormat format)
    {
        var file = Parsing.ArticleFileCases.Valid
            .Replace("title: Hello world", "title: \"We&#8217;ve &lt;script&gt;alert(1)&lt;/script&gt;\"", StringComparison.Ordinal)
            .Replace("type: article", "excerpt: \"&lt;img src=x onerror=alert(2)&gt; caf&eacute;\"", StringComparison.Ordinal);
        var article = new ArticleFileReader().Read(System.Text.Encoding.UTF8.GetBytes(file)).Article!;
        article.ContentHash = ArticleContentHash.Compute(article);
        var view = new FeedView(FeedKey.All, "All", "All", new Uri("https://feeds.example.org/api/feeds/all.rss"), new Uri("https://feeds.example.org/api/feeds"), article.Updated, [FeedEntry.From(article)]);

        var rendered = System.Text.Encoding.UTF8.GetString(FeedRenderer.Render(view, format));

        Assert.Equal("We\u2019ve <script>alert(1)</script>", article.Title);
        Assert.DoesNotContain("&#8217;", rendered, StringComparison.Ordinal);
        Assert.Equal("<img src=x onerror=alert(2)> caf\u00e9", article.Excerpt);
        if (format == FeedFormat.Json)
        {
            // JSON Feed's title is plain text (a JSON string, not markup); its HTML is content_html.
            var item = System.Text.Json.Nodes.JsonNode.Parse(rendered)!["items"]![0]!;
            Assert.Equal(article.Title, item["title"]!.GetValue<string>());
            Assert.Contains("&lt;img src=x", item["content_html"]!.GetValue<string>(), StringComparison.Ordinal);
        }
        else
        {
            Assert.DoesNotContain("<script", rendered, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<img src=x", rendered, StringComparison.OrdinalIgnoreCase);
            var title = System.Xml.Linq.XDocument.Parse(rendered).Descendants().First(e => e.Name.LocalName == "title" && e.Parent!.Name.LocalName is "item" or "entry");
            Assert.Equal(article.Title, title.Value);
        }
    }

    private static FeedView SeedView()
    {
        var article = new ArticleFileReader().Read(File.ReadAllBytes(RepositoryPaths.SeedFile)).Article!;
        article.ContentHash = ArticleContentHash.Compute(article);
        var key = FeedKey.Topic("ai");
        return new FeedView(key, "AI", "Articles about AI", new Uri("https://feeds.example.org/api/feeds/topics/ai.rss"), new Uri("https://feeds.example.org/api/feeds"), article.Updated, [FeedEntry.From(article)]);
    }
}
