using System.Net;
using System.ServiceModel.Syndication;
using System.Text.Json.Nodes;
using System.Xml;
using Feed.Core.Feeds;
using Feed.Core.Normalization;
using Feed.Core.Storage;

namespace Feed.Testing.Feeds;

/// <summary>
/// Checks through the HTTP API that every article is listed exactly once in every feed it belongs to: the catalog
/// must name exactly the expected feeds with their counts, and each feed's Atom document plus every archive page
/// reached by following <c>rel="prev-archive"</c> (RFC 5005) must list exactly the expected entries, none twice.
/// </summary>
/// <remarks>
/// Until feeds have archive pages, a feed document shows only its newest <see cref="FeedQuery.DefaultLimit"/>
/// entries and links no archive; the rest of such a feed is then read from the stored index the HTTP API serves it
/// from (counted in <see cref="FeedCompletenessReport.FeedsReadFromIndex"/>).
/// </remarks>
public static class FeedCompleteness
{
    private const int MaxPagesPerFeed = 10_000;

    public static async Task<FeedCompletenessReport> CheckAsync(
        HttpClient http,
        FeedIndexStore indexes,
        ExpectedFeeds expected,
        CancellationToken cancellationToken = default)
    {
        var problems = new List<string>();
        var catalog = JsonNode.Parse(await http.GetStringAsync(new Uri("api/feeds?format=json", UriKind.Relative), cancellationToken))!["feeds"]!.AsArray();
        var listed = new Dictionary<FeedKey, int>();
        foreach (var feed in catalog)
        {
            var kind = Enum.Parse<FeedKind>(feed!["kind"]!.GetValue<string>(), ignoreCase: true);
            listed[new FeedKey(kind, feed["key"]!.GetValue<string>())] = feed["itemCount"]!.GetValue<int>();
        }

        foreach (var (key, count) in listed)
        {
            if (!expected.Members.TryGetValue(key, out var ids))
            {
                problems.Add($"catalog lists feed '{key}' ({count} items) that no article belongs to");
            }
            else if (ids.Count != count)
            {
                problems.Add($"catalog says feed '{key}' has {count} items; expected {ids.Count}");
            }
        }

        var entries = 0;
        var pages = 0;
        var fromIndex = 0;
        var gate = new object();
        await Parallel.ForEachAsync(expected.Members, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken }, async (feed, token) =>
        {
            var (seen, pagesRead, usedIndex, feedProblems) = await WalkAsync(http, indexes, feed.Key, token);
            var urns = feed.Value.ToDictionary(ArticleIdentity.ToUrn, id => id);
            foreach (var (urn, times) in seen)
            {
                if (times > 1)
                {
                    feedProblems.Add($"feed '{feed.Key}' lists {urn} {times} times");
                }

                if (!urns.ContainsKey(urn))
                {
                    feedProblems.Add($"feed '{feed.Key}' lists {urn}, which does not belong to it");
                }
            }

            foreach (var urn in urns.Keys.Where(urn => !seen.ContainsKey(urn)))
            {
                feedProblems.Add($"feed '{feed.Key}' is missing article {urns[urn]} ({urn})");
            }

            lock (gate)
            {
                problems.AddRange(feedProblems);
                entries += seen.Values.Sum();
                pages += pagesRead;
                fromIndex += usedIndex ? 1 : 0;
            }
        });

        return new FeedCompletenessReport(problems, expected.Members.Count, entries, pages, fromIndex);
    }

    /// <summary>Every entry id of one feed with how many times it appears, over the head and its archive pages.</summary>
    private static async Task<(Dictionary<string, int> Seen, int Pages, bool UsedIndex, List<string> Problems)> WalkAsync(
        HttpClient http,
        FeedIndexStore indexes,
        FeedKey key,
        CancellationToken cancellationToken)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var problems = new List<string>();
        var visited = new HashSet<Uri>();
        Uri? next = new(http.BaseAddress!, $"api/feeds/{key.Path}.atom");
        var headItems = -1;
        var hasArchive = false;
        while (next is not null && visited.Add(next) && visited.Count <= MaxPagesPerFeed)
        {
            using var response = await http.GetAsync(next, cancellationToken);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                problems.Add($"GET {next.PathAndQuery} answered {(int)response.StatusCode}");
                break;
            }

            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            using var reader = XmlReader.Create(body, new XmlReaderSettings { Async = true });
            var page = SyndicationFeed.Load(reader);
            var items = page.Items.ToList();
            headItems = headItems < 0 ? items.Count : headItems;
            foreach (var item in items)
            {
                seen[item.Id] = seen.GetValueOrDefault(item.Id) + 1;
            }

            var previous = page.Links.FirstOrDefault(l => l.RelationshipType == "prev-archive");
            hasArchive |= previous is not null;
            next = previous is null ? null : new Uri(next, previous.Uri);
        }

        if (!hasArchive && headItems >= FeedQuery.DefaultLimit)
        {
            var stored = await indexes.GetAsync(key, cancellationToken);
            if (stored is not null && stored.Value.Entries.Count > headItems)
            {
                var shown = seen;
                seen = new Dictionary<string, int>(StringComparer.Ordinal);
                foreach (var entry in stored.Value.Entries)
                {
                    var urn = ArticleIdentity.ToUrn(entry.Id);
                    seen[urn] = seen.GetValueOrDefault(urn) + 1;
                }

                problems.AddRange(shown.Keys.Where(urn => !seen.ContainsKey(urn)).Select(urn => $"feed '{key}' shows {urn}, which its index does not hold"));
                return (seen, visited.Count, true, problems);
            }
        }

        return (seen, visited.Count, false, problems);
    }
}
