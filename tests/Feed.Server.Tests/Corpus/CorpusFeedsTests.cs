using System.Text.Json.Nodes;
using Feed.Testing;
using Feed.Testing.Consumers;

namespace Feed.Server.Tests.Corpus;

/// <summary>Every feed built from the shared corpus and the seeds, with its archives, as real readers see it.</summary>
public sealed class CorpusFeedsTests(CorpusHostFixture host) : IClassFixture<CorpusHostFixture>
{
    [Fact]
    public async Task EveryXmlDocument_Feedparser_ReadsWithoutBozo()
    {
        RepositoryPaths.RequireCorpus();
        var files = XmlDocuments();

        var parsed = await FeedConsumers.FeedparserManyAsync(files);

        Assert.Equal(files.Count, parsed.Count);
        var bozo = parsed.Where(p => p.Value["bozo"]?.GetValue<bool>() != false).Select(p => $"{Path.GetFileName(p.Key)}: {p.Value["bozo_exception"] ?? p.Value["error"]}").ToList();
        Assert.True(bozo.Count == 0, string.Join("\n", bozo));
        Assert.All(parsed, p => Assert.StartsWith(p.Key.EndsWith(".rss", StringComparison.Ordinal) ? "rss20" : "atom10", p.Value["version"]!.GetValue<string>(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task EveryXmlDocument_RssParserAndFeedParser_Read()
    {
        RepositoryPaths.RequireCorpus();
        var files = XmlDocuments();

        var parsed = await FeedConsumers.NodeParsersManyAsync(files);

        var failures = parsed.SelectMany(p => new[] { ("rss-parser", p.Value["rssParser"]), ("feed-parser", p.Value["feedParser"]) }
            .Where(r => r.Item2?["error"] is not null)
            .Select(r => $"{Path.GetFileName(p.Key)} {r.Item1}: {r.Item2!["error"]}")).ToList();
        Assert.Equal(files.Count, parsed.Count);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task EveryFeed_FollowingArchives_ListsEachArticleExactlyOnceInEveryFormat()
    {
        RepositoryPaths.RequireCorpus();
        var parsed = await FeedConsumers.FeedparserManyAsync(XmlDocuments());

        Assert.Contains(host.ItemCounts, f => f.Value > 200);
        foreach (var (feed, count) in host.ItemCounts)
        {
            var rss = Ids(feed, "rss", parsed);
            var atom = Ids(feed, "atom", parsed);
            var json = JsonIds(feed);
            Assert.True(rss.Count == count, $"{feed}.rss lists {rss.Count} items over its archives; the catalog says {count}");
            Assert.True(rss.Distinct().Count() == count, $"{feed}.rss repeats an item");
            Assert.Equal(rss.Order(), atom.Order());
            Assert.Equal(rss.Order(), json.Order());
        }
    }

    [Fact]
    public async Task EveryFeed_AfterReingestingEveryFile_SameGuidsETagsAndDocuments()
    {
        RepositoryPaths.RequireCorpus();
        var before = host.Documents.ToDictionary(d => d.Key, d => d.Value.Select(File.ReadAllBytes).ToList());
        var etags = host.ETags.ToDictionary();
        var health = JsonNode.Parse(await host.Http.GetStringAsync("/api/health", TestContext.Current.CancellationToken))!;

        // Files that share an article identity (the same canonical link: 5 pairs in the corpus) overwrite each other,
        // in upload order; re-uploading them would change their article, so they are left out here.
        var reader = new Feed.Core.Parsing.ArticleFileReader();
        var files = Directory.GetFiles(RepositoryPaths.Corpus).Concat(RepositoryPaths.SeedArticleFiles)
            .GroupBy(file => reader.Read(File.ReadAllBytes(file)).Article!.Id)
            .Where(group => group.Count() == 1)
            .Select(group => group.Single())
            .ToList();

        await host.UploadAllAsync(files);
        await host.WaitForIngestedAsync(health["ingested"]!.GetValue<long>() + files.Count);
        await host.CrawlAsync("reingested");

        var changed = before.Where(d => !d.Value.SequenceEqual(host.Documents[d.Key].Select(File.ReadAllBytes), ByteArrays)).Select(d => $"{d.Key.Feed}.{d.Key.Format}").ToList();
        Assert.True(changed.Count == 0, "changed by re-ingestion: " + string.Join(", ", changed));
        Assert.Equal(etags, host.ETags.ToDictionary());
    }

    [Fact]
    public async Task AllFeed_Newsboat_StoresItsItems()
    {
        RepositoryPaths.RequireCorpus();

        var result = await FeedConsumers.NewsboatAsync(new Uri(host.BaseUrl, "/api/feeds/all.rss"));

        Assert.True(result["ok"]!.GetValue<bool>());
        Assert.Equal(50, result["items"]!.GetValue<int>());
    }

    private static readonly IEqualityComparer<byte[]> ByteArrays = EqualityComparer<byte[]>.Create((x, y) => x!.AsSpan().SequenceEqual(y), x => x.Length);

    private List<string> XmlDocuments() =>
        [.. host.Documents.Where(d => d.Key.Format != "json").SelectMany(d => d.Value).Order(StringComparer.Ordinal)];

    private List<string> Ids(string feed, string format, Dictionary<string, JsonObject> parsed) =>
        [.. host.Documents[(feed, format)].SelectMany(file => parsed[file]["entries"]!.AsArray().Select(e => e!["id"]!.GetValue<string>()))];

    private List<string> JsonIds(string feed) =>
        [.. host.Documents[(feed, "json")].SelectMany(file => JsonNode.Parse(File.ReadAllBytes(file))!["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()))];
}
