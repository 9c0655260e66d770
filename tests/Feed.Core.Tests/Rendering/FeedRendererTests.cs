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

    private static FeedView SeedView()
    {
        var article = new ArticleFileReader().Read(File.ReadAllBytes(RepositoryPaths.SeedFile)).Article!;
        article.ContentHash = ArticleContentHash.Compute(article);
        var key = FeedKey.Topic("ai");
        return new FeedView(key, "AI", "Articles about AI", new Uri("https://feeds.example.org/api/feeds/topics/ai.rss"), new Uri("https://feeds.example.org/api/feeds"), article.Updated, [FeedEntry.From(article)]);
    }
}
