using Feed.Testing.Http;

namespace Feed.Functions.Tests.Parity;

/// <summary>
/// The requests <see cref="HostParityTests"/> sends to both hosts, after the seeds were ingested (feeds of five items
/// with archive pages of five; see <see cref="FunctionsHostFixture.Options"/>).
/// </summary>
/// <remarks>
/// To add a case, add one row to <see cref="All"/>: <c>Get("name", "/api/…", ("Header", "value"), …)</c>, or
/// <c>Send("name", "METHOD", "/api/…", …)</c> for another method; a row that needs the current validators puts
/// <c>{etag}</c> or <c>{last-modified}</c> in a header value. Names must be unique: each row is its own test case.
/// Every row is compared on status, <see cref="HostParityTests.ComparedHeaders"/> and body bytes (set
/// <c>CompareBody: false</c> only for a body that is per process by design, with the reason beside it).
/// </remarks>
public static class ParityRequests
{
    private const string Topic = "topics/robotics";
    private const string Provider = "providers/robotics-today.example";

    private static readonly string[] Formats = ["rss", "atom", "json"];

    private static readonly (string Name, string? AcceptEncoding)[] Codings = [("identity", null), ("gzip", "gzip"), ("br", "br"), ("gzip-or-br", "gzip, br")];

    public static IReadOnlyList<ParityRequest> All { get; } =
    [
        // The catalog, each representation, and the OPML list.
        Get("catalog html", "/api/feeds"),
        Get("catalog html (browser Accept)", "/api/feeds", ("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")),
        Get("catalog json (Accept)", "/api/feeds", ("Accept", "application/json")),
        Get("catalog json (query)", "/api/feeds?format=json"),
        Get("catalog trailing slash", "/api/feeds/"),
        Get("catalog If-None-Match", "/api/feeds", ("If-None-Match", "{etag}")),
        Get("catalog json If-None-Match", "/api/feeds?format=json", ("If-None-Match", "{etag}")),
        Get("catalog If-Modified-Since", "/api/feeds", ("If-Modified-Since", "{last-modified}")),
        Get("catalog stale If-None-Match", "/api/feeds", ("If-None-Match", "\"0123456789abcdef01234567\"")),
        Send("catalog HEAD", "HEAD", "/api/feeds"),
        Get("opml", "/api/feeds.opml"),
        Get("opml topics", "/api/feeds.opml?kind=topics"),
        Get("opml all", "/api/feeds.opml?kind=all"),
        Get("opml unknown kind", "/api/feeds.opml?kind=%3Cx%3E"),

        // Hardening (issue 11): forwarded headers from a client, echoed markup (nosniff is a compared header), and the
        // 308 to the canonical URL for a query in another order (compared without following it: status and Location).
        Get("forwarded host from a client", $"/api/feeds/{Topic}.rss", ("X-Forwarded-Host", "evil.example"), ("X-Forwarded-Proto", "http")),
        Get("forwarded host with a bad port", $"/api/feeds/{Topic}.atom", ("X-Forwarded-Host", "evil.example:99999")),
        Get("query in another order redirects", "/api/feeds/all.rss?minQuality=10&limit=5"),
        Get("topic query in another order redirects", $"/api/feeds/{Topic}.json?type=article&limit=3"),
        Get("unknown parameter with markup", "/api/feeds/all.rss?%3Cscript%3E=1"),
        Get("opml If-None-Match", "/api/feeds.opml", ("If-None-Match", "{etag}")),
        Get("opml If-Modified-Since", "/api/feeds.opml", ("If-Modified-Since", "{last-modified}")),
        Send("opml HEAD", "HEAD", "/api/feeds.opml"),

        // Every feed kind and format, in every content coding.
        .. from feed in new[] { "all", Topic, Provider }
           from format in Formats
           from coding in Codings
           select Get($"{feed}.{format} {coding.Name}", $"/api/feeds/{feed}.{format}", coding.AcceptEncoding is null ? [] : [("Accept-Encoding", coding.AcceptEncoding)]),

        // Archive pages: full (immutable) and the open one.
        .. from format in Formats
           from page in new[] { 1, 2 }
           select Get($"all archive {page}.{format}", $"/api/feeds/all/archive/{page}.{format}"),
        Get("all archive gzip", "/api/feeds/all/archive/1.rss", ("Accept-Encoding", "gzip")),
        Get("all archive If-None-Match", "/api/feeds/all/archive/1.atom", ("If-None-Match", "{etag}")),

        // Filters.
        Get("all limit", "/api/feeds/all.rss?limit=2"),
        Get("all limit json br", "/api/feeds/all.json?limit=3", ("Accept-Encoding", "br")),

        // Pages for people: a browser's Accept gets the page (feeds and archive pages), a reader's the feed bytes.
        .. from browser in AcceptHeaders.Browsers.Take(2)
           from format in Formats
           select Get($"{Topic}.{format} page ({browser.Browser})", $"/api/feeds/{Topic}.{format}", ("Accept", browser.Accept)),
        Get("all archive 1 page", "/api/feeds/all/archive/1.atom", ("Accept", AcceptHeaders.Safari)),
        Get("all archive 2 page", "/api/feeds/all/archive/2.json", ("Accept", AcceptHeaders.Chromium)),
        Get("all page filtered", "/api/feeds/all.rss?type=article", ("Accept", AcceptHeaders.Firefox)),
        Get("all page gzip", "/api/feeds/all.rss", ("Accept", AcceptHeaders.Chromium), ("Accept-Encoding", "gzip, deflate, br, zstd")),
        Get("all page gzip only", "/api/feeds/all.atom", ("Accept", AcceptHeaders.Firefox), ("Accept-Encoding", "gzip")),
        Get("all page If-None-Match", "/api/feeds/all.rss", ("Accept", AcceptHeaders.Chromium), ("If-None-Match", "{etag}")),
        Send("all page HEAD", "HEAD", "/api/feeds/all.rss", ("Accept", AcceptHeaders.Safari)),
        Get("unknown topic page", "/api/feeds/topics/no-such-topic.rss", ("Accept", AcceptHeaders.Chromium)),
        .. from reader in AcceptHeaders.Readers.Where(r => r.Accept.Length > 0)
           select Get($"all.rss feed ({reader.Reader})", "/api/feeds/all.rss", ("Accept", reader.Accept)),

        // HEAD and conditional requests.
        Send("all HEAD", "HEAD", "/api/feeds/all.rss"),
        Send("all HEAD gzip", "HEAD", "/api/feeds/all.atom", ("Accept-Encoding", "gzip")),
        Get("all If-None-Match", "/api/feeds/all.rss", ("If-None-Match", "{etag}")),
        Get("all If-None-Match gzip", "/api/feeds/all.rss", ("Accept-Encoding", "gzip"), ("If-None-Match", "{etag}")),
        Get("all If-None-Match list", "/api/feeds/all.json", ("If-None-Match", "\"other\", {etag}")),
        Get("all If-None-Match star", "/api/feeds/all.json", ("If-None-Match", "*")),
        Get("all If-None-Match stale", "/api/feeds/all.rss", ("If-None-Match", "\"0123456789abcdef01234567\"")),
        Get("all If-Modified-Since", "/api/feeds/all.atom", ("If-Modified-Since", "{last-modified}")),
        Get("all If-Modified-Since old", "/api/feeds/all.atom", ("If-Modified-Since", "Mon, 01 Jan 2001 00:00:00 GMT")),
        Get("all If-None-Match wins over If-Modified-Since", "/api/feeds/all.atom", ("If-None-Match", "\"stale\""), ("If-Modified-Since", "{last-modified}")),
        Send("all HEAD If-None-Match", "HEAD", "/api/feeds/all.rss", ("If-None-Match", "{etag}")),

        // 404 and 400.
        Get("unknown topic", "/api/feeds/topics/no-such-topic.rss"),
        Get("unknown provider", "/api/feeds/providers/nowhere.example.json"),
        Get("unknown format", "/api/feeds/all.xml"),
        Get("unknown feed kind", "/api/feeds/authors/someone.rss"),
        Get("archive page beyond the last", "/api/feeds/all/archive/99.rss"),
        Get("archive page zero", "/api/feeds/all/archive/0.rss"),
        Get("limit not a number", "/api/feeds/all.rss?limit=abc"),
        Get("limit zero", "/api/feeds/all.rss?limit=0"),
        Get("limit on an archive page", "/api/feeds/all/archive/1.rss?limit=2"),
        Send("unknown topic HEAD", "HEAD", "/api/feeds/topics/no-such-topic.rss"),

        // Paths no route takes, and methods Feed does not answer.
        Get("unrouted path", "/api/nothing"),
        Get("unrouted nested path", "/api/feedsx/all.rss"),
        Get("api root", "/api"),
        Send("unrouted HEAD", "HEAD", "/api/nothing"),
        Send("POST catalog", "POST", "/api/feeds"),
        Send("PUT feed", "PUT", "/api/feeds/all.rss"),
        Send("DELETE opml", "DELETE", "/api/feeds.opml"),
        Send("PATCH health", "PATCH", "/api/health"),
        Send("OPTIONS feed", "OPTIONS", "/api/feeds/topics/robotics.json"),
        Send("POST unrouted", "POST", "/api/nothing"),

        // Health: the same status and headers; the counters are each process's own.
        new("health", "GET", "/api/health", new Dictionary<string, string>(), CompareBody: false),
    ];

    /// <summary>The rows by name, for <c>[MemberData]</c>: names serialize, so each row is its own test case.</summary>
    public static TheoryData<string> Names => [.. All.Select(r => r.Name)];

    public static ParityRequest Named(string name) => All.Single(r => r.Name == name);

    private static ParityRequest Get(string name, string path, params (string Name, string Value)[] headers) => ParityRequest.Get(name, path, headers);

    private static ParityRequest Send(string name, string method, string path, params (string Name, string Value)[] headers) => ParityRequest.Send(name, method, path, headers);
}
