using System.Net;
using System.Text.Json.Nodes;
using Feed.Core.Feeds;

namespace Feed.Functions.Tests;

/// <summary>Reads feeds from a host the way a reader would, for the tests' assertions.</summary>
public static class FeedResponses
{
    /// <summary>
    /// The titles of every item of feed <paramref name="key"/> (JSON Feed), its archive pages included (followed
    /// through <c>next_url</c>), or null when the host answers 404 for the feed.
    /// </summary>
    public static async Task<IReadOnlyList<string>?> TitlesAsync(HttpClient http, FeedKey key, CancellationToken cancellationToken = default)
    {
        var titles = new List<string>();
        Uri? next = new($"api/feeds/{key.Path}.json", UriKind.Relative);
        while (next is not null)
        {
            using var response = await http.GetAsync(next, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.StatusCode == HttpStatusCode.NotFound && titles.Count == 0)
            {
                return null;
            }

            Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {next} answered {(int)response.StatusCode}: {body}");
            var feed = JsonNode.Parse(body)!;
            titles.AddRange(feed["items"]!.AsArray().Select(item => item!["title"]!.GetValue<string>()));
            next = feed["next_url"] is { } url ? new Uri(url.GetValue<string>()) : null;
        }

        return titles;
    }
}
