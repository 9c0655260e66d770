using System.Text;
using Feed.Core.Feeds;
using Feed.Core.Http;
using Feed.Core.Ingestion;
using Feed.Core.Parsing;
using Feed.Core.Rendering;
using Feed.Testing;

namespace Feed.Core.Tests.Rendering;

/// <summary>
/// Every format rendered from the seeds, compared byte for byte with tests/Feed.Core.Tests/Rendering/Golden.
/// After an intended change of output, regenerate with <c>FEED_UPDATE_GOLDEN=1 dotnet test tests/Feed.Core.Tests
/// --filter GoldenFileTests</c> and review the diff.
/// </summary>
public sealed class GoldenFileTests
{
    private static readonly Uri BaseUrl = new("https://feeds.example.org/");

    public static TheoryData<string, FeedFormat, bool> Documents => new()
    {
        { "seeds.rss", FeedFormat.Rss, false },
        { "seeds.atom", FeedFormat.Atom, false },
        { "seeds.json", FeedFormat.Json, false },
        { "seeds-archive-1.rss", FeedFormat.Rss, true },
        { "seeds-archive-1.atom", FeedFormat.Atom, true },
        { "seeds-archive-1.json", FeedFormat.Json, true },
    };

    [Theory]
    [MemberData(nameof(Documents))]
    public void Render_Seeds_MatchesGoldenFile(string name, FeedFormat format, bool archive)
    {
        var rendered = FeedRenderer.Render(SeedView(format, archive), format);

        var path = Path.Combine(RepositoryPaths.Root, "tests", "Feed.Core.Tests", "Rendering", "Golden", name);
        if (Environment.GetEnvironmentVariable("FEED_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllBytes(path, rendered);
        }

        Assert.True(File.Exists(path), $"{path} is missing; create it with FEED_UPDATE_GOLDEN=1");
        Assert.Equal(Encoding.UTF8.GetString(File.ReadAllBytes(path)), Encoding.UTF8.GetString(rendered));
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Render_Seeds_Utf8WithoutBomAndSameBytesEveryTime(string name, FeedFormat format, bool archive)
    {
        var first = FeedRenderer.Render(SeedView(format, archive), format);
        var second = FeedRenderer.Render(SeedView(format, archive), format);

        Assert.Equal(first, second);
        Assert.False(first.AsSpan().StartsWith(Encoding.UTF8.Preamble), $"{name} starts with a BOM");
        if (format != FeedFormat.Json)
        {
            Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", Encoding.UTF8.GetString(first), StringComparison.Ordinal);
        }
    }

    /// <summary>The seeds as the "all" feed: a head of the newest ten, or, as archive page 1, all of them.</summary>
    public static FeedView SeedView(FeedFormat format, bool archive)
    {
        var reader = new ArticleFileReader();
        var entries = RepositoryPaths.SeedArticleFiles.Select(file =>
        {
            var article = reader.Read(File.ReadAllBytes(file)).Article!;
            article.ContentHash = ArticleContentHash.Compute(article);
            return FeedEntry.From(article);
        }).ToList();
        entries.Sort(FeedEntry.NewestFirst);
        var key = FeedKey.All;
        var updated = entries.Max(e => e.Updated);
        var feedUrl = PublicUrls.Feed(BaseUrl, key, format);
        var catalog = PublicUrls.Catalog(BaseUrl);
        return archive
            ? new FeedView(key, FeedTitles.AllArticles, "Every article Feed publishes, newest first.", PublicUrls.Archive(BaseUrl, key, 1, format), catalog, updated, entries)
            {
                Language = "en",
                CurrentUrl = feedUrl,
                HubUrl = PublicUrls.Hub(BaseUrl),
                NextArchiveUrl = PublicUrls.Archive(BaseUrl, key, 2, format),
            }
            : new FeedView(key, FeedTitles.AllArticles, "Every article Feed publishes, newest first.", feedUrl, catalog, updated, entries.Take(10).ToList())
            {
                Language = "en",
                PrevArchiveUrl = PublicUrls.Archive(BaseUrl, key, 2, format),
                HubUrl = PublicUrls.Hub(BaseUrl),
            };
    }
}
