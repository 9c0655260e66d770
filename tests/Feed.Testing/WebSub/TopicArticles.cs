using System.Globalization;
using System.Net;
using Feed.Testing.Storage;

namespace Feed.Testing.WebSub;

/// <summary>Article files of one topic of their own, so that a WebSub test's feed changes only when it uploads.</summary>
public static class TopicArticles
{
    private static int _sequence;

    /// <summary>A valid article file in topic <paramref name="topic"/> (a name; its feed is <c>topics/{slug}</c>), with a new link and date each time.</summary>
    public static (string Name, string Text) Create(string topic, string title)
    {
        var n = Interlocked.Increment(ref _sequence);
        var published = new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(n).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        var slug = string.Concat(topic.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-'));
        var text = $"""
            ---
            title: "{title}"
            excerpt: "An article for the WebSub tests."
            publishedDateTime: {published}
            webUrl: "https://websub.example.com/{slug}/{n}"
            type: article
            provider:
              name: WebSub Example
              domain: websub.example.com
            topics:
              - {topic}
            ---
            """;
        return ($"websub-{slug}-{n}.md", text);
    }

    /// <summary>Uploads a new article of <paramref name="topic"/> and waits until its feed lists it.</summary>
    public static async Task UploadAndWaitAsync(LocalHostFixture host, string topic, string title, string feedPath)
    {
        var (name, text) = Create(topic, title);
        await host.UploadTextAsync(name, text);
        await host.WaitForAsync(feedPath, (r, body) => r.StatusCode == HttpStatusCode.OK && body.Contains(title, StringComparison.Ordinal));
    }
}
