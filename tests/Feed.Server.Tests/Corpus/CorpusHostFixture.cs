using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Feed.Testing;
using Feed.Testing.Storage;

namespace Feed.Server.Tests.Corpus;

/// <summary>
/// The local host on Azurite with the shared corpus and the seeds ingested, and every feed crawled once: each feed's
/// subscription document and every archive page, in every format, saved to a temporary folder.
/// </summary>
public sealed class CorpusHostFixture : LocalHostFixture
{
    private string? _folder;

    public int FileCount { get; private set; }

    /// <summary>Every feed from the catalog, with its item count.</summary>
    public Dictionary<string, int> ItemCounts { get; } = [];

    /// <summary>Per feed path and format extension, the saved documents, subscription document first.</summary>
    public ConcurrentDictionary<(string Feed, string Format), List<string>> Documents { get; } = new();

    /// <summary>Per feed path and format, the ETag of the subscription document.</summary>
    public ConcurrentDictionary<(string Feed, string Format), string> ETags { get; } = new();

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        if (!Directory.Exists(RepositoryPaths.Corpus))
        {
            return;
        }

        var files = Directory.GetFiles(RepositoryPaths.Corpus).Concat(RepositoryPaths.SeedArticleFiles).ToList();
        FileCount = files.Count;
        await UploadAllAsync(files);
        await WaitForIngestedAsync(FileCount);
        _folder = Directory.CreateTempSubdirectory("feed-corpus-").FullName;
        await CrawlAsync("first");
    }

    public async Task UploadAllAsync(IEnumerable<string> files) =>
        await Parallel.ForEachAsync(files, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (file, _) => await UploadAsync(Path.GetFileName(file), file));

    /// <summary>Waits until <paramref name="count"/> uploads were ingested and their feed changes folded into the feeds.</summary>
    public async Task WaitForIngestedAsync(long count)
    {
        await WaitForAsync("/api/health", (_, body) => JsonNode.Parse(body)!["ingested"]!.GetValue<long>() >= count, TimeSpan.FromMinutes(3));
        await IngestionSettle.WaitAsync(Storage, TimeSpan.FromMinutes(3));
    }

    /// <summary>Fetches every feed's documents into a folder named <paramref name="round"/>; returns the folder.</summary>
    public async Task CrawlAsync(string round)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_folder!, round)).FullName;
        Documents.Clear();
        ETags.Clear();
        ItemCounts.Clear();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/feeds");
        request.Headers.Accept.ParseAdd("application/json");
        var catalog = JsonNode.Parse(await (await Http.SendAsync(request)).Content.ReadAsStringAsync())!;
        foreach (var feed in catalog["feeds"]!.AsArray())
        {
            var path = feed!["kind"]!.GetValue<string>() switch
            {
                "all" => "all",
                "topic" => "topics/" + feed["key"]!.GetValue<string>(),
                _ => "providers/" + feed["key"]!.GetValue<string>(),
            };
            ItemCounts[path] = feed["itemCount"]!.GetValue<int>();
        }

        var work = ItemCounts.Keys.SelectMany(feed => new[] { "rss", "atom", "json" }.Select(format => (feed, format)));
        await Parallel.ForEachAsync(work, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (item, _) =>
        {
            var documents = new List<string>();
            string? url = new Uri(BaseUrl, $"/api/feeds/{item.feed}.{item.format}").AbsoluteUri;
            while (url is not null)
            {
                var response = await Http.GetAsync(url);
                response.EnsureSuccessStatusCode();
                var bytes = await response.Content.ReadAsByteArrayAsync();
                if (documents.Count == 0)
                {
                    ETags[item] = response.Headers.ETag!.Tag;
                }

                var file = Path.Combine(folder, $"{item.feed.Replace('/', '_')}-{documents.Count}.{item.format}");
                await File.WriteAllBytesAsync(file, bytes);
                documents.Add(file);
                url = PrevArchive(bytes, item.format);
            }

            Documents[item] = documents;
        });
    }

    public override async ValueTask DisposeAsync()
    {
        if (_folder is not null)
        {
            Directory.Delete(_folder, recursive: true);
        }

        await base.DisposeAsync();
    }

    private static string? PrevArchive(byte[] document, string format)
    {
        if (format == "json")
        {
            return JsonNode.Parse(document)!["next_url"]?.GetValue<string>();
        }

        using var stream = new MemoryStream(document);
        return XDocument.Load(stream).Root!.Descendants(XNamespace.Get("http://www.w3.org/2005/Atom") + "link")
            .Where(l => (string?)l.Attribute("rel") == "prev-archive" && l.Parent!.Name.LocalName is "channel" or "feed")
            .Select(l => (string?)l.Attribute("href"))
            .FirstOrDefault();
    }
}
