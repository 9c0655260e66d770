using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using Feed.Testing;
using Feed.Testing.Http;
using Feed.Testing.Storage;

namespace Feed.Server.Tests.Hosting;

/// <summary>
/// A few thousand generated requests (methods, paths, percent-encodings, query parameters, header values, HTTP/1.0
/// without Host) against the local host on loopback, trusting loopback as a proxy so that forwarded headers are
/// parsed too: none may answer 5xx, echo markup it was sent, name a host it was sent, or lack <c>nosniff</c>.
/// Bounded: <see cref="Count"/> requests, 8 at a time, within <see cref="TimeBudget"/>.
/// </summary>
public sealed class GeneratedHostileRequestTests(GeneratedHostileRequestTests.Host host) : IClassFixture<GeneratedHostileRequestTests.Host>
{
    private const int Count = 3_000;
    private static readonly TimeSpan TimeBudget = TimeSpan.FromSeconds(120);

    private static readonly string[] Methods = ["GET", "GET", "GET", "GET", "GET", "HEAD", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "TRACE", "PATCH", "PROPFIND", "CONNECT", "get", "G{m}T"];
    private static readonly string[] Formats = ["rss", "atom", "json", "xml", "RSS", "rss.exe", "", "{m}", "%72ss", "rss%00", "json%20"];
    private static readonly string[] Segments =
    [
        "ai-ethics", "ai", "all", "scmp.com", "topics", "providers", "archive", "1", "0", "-1", "99999999999",
        "..", "%2e%2e", "..%2f..", "%2e%2e%2f", "..%5c", "%252e%252e", "%c0%af", "%00", "%ff", "%e2%80%ae",
        "%3C{m}%3E", "%22{m}%22", "%27{m}", "{m}", "%F0%9F%98%80", "%C3%A9", "a%2Fb", ".hidden", "AI-Ethics", "x y",
    ];

    private static readonly string[] QueryNames = ["limit", "type", "published", "minQuality", "provider", "format", "%3C{m}%3E", "{m}", "limit%00", "li%6Dit", "", "x[]"];
    private static readonly string[] QueryValues =
    [
        "5", "0", "-1", "201", "99999999999999999999", "1e3", "article", "video", "true", "yes", "scmp.com", "SCMP.COM", "json",
        "%3C{m}%3E", "%22%3E%3C{m}%3E", "{m}", "%00", "%ff%fe", "..%2f..", "%25", "%", "a+b", "javascript:{m}",
    ];

    private static readonly string[] Headers =
    [
        "X-Forwarded-Host: evil{m}.example:99999",
        "X-Forwarded-Host: evil{m}.example:-1",
        "X-Forwarded-Host: evil{m}.example:abc",
        "X-Forwarded-Host: localhost@evil{m}.example",
        "X-Forwarded-Host: 127.0.0.1:7801/../../evil{m}",
        "X-Forwarded-Host: <evil{m}>",
        "X-Forwarded-Host: evil{m}.example\\x",
        "X-Forwarded-Host: [::1]evil{m}",
        "X-Forwarded-Proto: javascript",
        "X-Forwarded-Proto: <evil{m}>",
        "X-Forwarded-Proto: https, evil{m}",
        "Accept: application/json",
        "Accept: text/html;q=0.9, */*;q=0.1",
        "Accept: <{m}>",
        "Accept-Encoding: br;q=1.1, gzip;q=-1, *;q=abc",
        "Accept-Encoding: identity;q=0",
        "If-None-Match: \"<{m}>\", W/\"x\", *",
        "If-None-Match: ,,,,",
        "If-Modified-Since: Thu, 01 Jan 9999 00:00:00 GMT",
        "If-Modified-Since: <{m}>",
        "Range: bytes=0-1,-5",
        "Cookie: a=<{m}>",
        "Referer: javascript:<{m}>",
        "X-Original-URL: /api/health",
        "Transfer-Encoding: chunked",
    ];

    [Fact]
    public async Task Send_ThousandsOfGeneratedRequests_NoServerErrorNoEchoNoChosenHost()
    {
        var random = new Random(11);
        var requests = Enumerable.Range(0, Count).Select(i => Generate(random, i)).ToList();
        var failures = new ConcurrentQueue<string>();
        var statuses = new ConcurrentDictionary<int, int>();
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        budget.CancelAfter(TimeBudget);
        var clock = Stopwatch.StartNew();

        await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = budget.Token }, async (request, token) =>
        {
            RawHttpResponse response;
            try
            {
                response = await RawHttp.SendRequestAsync(host.BaseUrl, request.Text, token);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                failures.Enqueue($"no parsable answer ({exception.GetType().Name}) to: {Shown(request.Text)}");
                return;
            }

            statuses.AddOrUpdate(response.Status, 1, (_, n) => n + 1);
            var problem = Check(request, response);
            if (problem is not null)
            {
                failures.Enqueue($"{problem}: {response.Status} to {Shown(request.Text)} -> {Shown(response.Body)}");
            }
        });

        Assert.True(clock.Elapsed < TimeBudget, $"{Count} requests took {clock.Elapsed}");
        Assert.True(failures.IsEmpty, $"{failures.Count} of {Count}:\n" + string.Join("\n", failures.Take(20)));
        Assert.True(statuses.Keys.Count(s => s is >= 400 and < 500) >= 3, "the generator should provoke several kinds of refusal: " + string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}")));
        Assert.True(statuses.GetValueOrDefault(200) >= Count / 20, "some generated requests should be valid feed requests");
    }

    private static string? Check(GeneratedRequest request, RawHttpResponse response)
    {
        if (response.Status >= 500)
        {
            return "server error";
        }

        var everything = string.Join("\n", response.Headers.Select(h => h.Key + ": " + h.Value)) + "\n" + response.Body;
        // Reasons quote what they repeat in '...': only the request's own markup characters around it are unsafe.
        foreach (var unsafeEcho in new[] { "<" + request.Marker, "\"" + request.Marker, ">" + request.Marker, "<evil" + request.Marker })
        {
            if (everything.Contains(unsafeEcho, StringComparison.Ordinal))
            {
                return $"echoed '{unsafeEcho}' unescaped";
            }
        }

        if (everything.Contains("evil" + request.Marker, StringComparison.Ordinal))
        {
            return "a host or scheme the request chose appears in the answer";
        }

        if (response.Headers.ContainsKey("content-type") && response.Headers.GetValueOrDefault("x-content-type-options") != "nosniff")
        {
            return "a body without X-Content-Type-Options: nosniff";
        }

        return null;
    }

    private static GeneratedRequest Generate(Random random, int i)
    {
        var marker = "zq" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "x";
        string Pick(string[] from) => from[random.Next(from.Length)].Replace("{m}", marker, StringComparison.Ordinal);
        var method = random.Next(10) < 8 ? "GET" : Pick(Methods);
        var path = random.Next(8) switch
        {
            0 => $"/api/feeds/{Pick(Segments)}.{Pick(Formats)}",
            1 => $"/api/feeds/topics/{Pick(Segments)}.{Pick(Formats)}",
            2 => $"/api/feeds/providers/{Pick(Segments)}.{Pick(Formats)}",
            3 => $"/api/feeds/{Pick(["all", "topics/ai-ethics", "providers/scmp.com", Pick(Segments)])}/archive/{Pick(Segments)}.{Pick(Formats)}",
            4 => Pick(["/api/feeds", "/api/feeds/", "/api/feeds.opml", "/api/health", "/api/feeds/all.rss", "/api/feeds/topics/ai-ethics.atom"]),
            5 => $"/{Pick(Segments)}/{Pick(Segments)}",
            6 => $"/api/{Pick(Segments)}",
            _ => $"/api/feeds/topics/ai-ethics.{Pick(["rss", "atom", "json"])}",
        };
        var query = new StringBuilder();
        for (var n = random.Next(5) - 1; n > 0; n--)
        {
            query.Append(query.Length == 0 ? '?' : '&').Append(Pick(QueryNames)).Append('=').Append(Pick(QueryValues));
        }

        var text = new StringBuilder();
        var http10 = random.Next(10) == 0;
        text.Append(method).Append(' ').Append(path).Append(query).Append(http10 ? " HTTP/1.0\r\n" : " HTTP/1.1\r\n");
        if (!http10)
        {
            // The Host header is the client's to choose (caches key on it); it is only checked, not refused.
            text.Append("Host: ").Append(random.Next(20) == 0 ? $"other{marker}.example" : "127.0.0.1").Append("\r\n");
        }

        text.Append("Connection: close\r\n");
        for (var n = random.Next(4); n > 0; n--)
        {
            var header = Pick(Headers);
            if (header.StartsWith("Transfer-Encoding", StringComparison.Ordinal))
            {
                continue;
            }

            text.Append(header).Append("\r\n");
        }

        if (method is "POST" or "PUT" && random.Next(2) == 0)
        {
            text.Append("Content-Length: 13\r\n\r\n<").Append("b>hello</b>\n");
        }
        else
        {
            text.Append("\r\n");
        }

        return new GeneratedRequest(marker, text.ToString());
    }

    private static string Shown(string text) => (text.Length <= 300 ? text : text[..300] + "...").Replace("\r\n", " | ", StringComparison.Ordinal);

    private sealed record GeneratedRequest(string Marker, string Text);

    /// <summary>The local host with one seed article, trusting loopback as its proxy.</summary>
    public sealed class Host : LocalHostFixture
    {
        protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
        {
            ["Feed:KnownProxies"] = "127.0.0.0/8, ::1",
        };

        public override async ValueTask InitializeAsync()
        {
            await base.InitializeAsync();
            await UploadAsync("000_2f0b49fc412bc3b3.txt", RepositoryPaths.SeedFile);
            await WaitForAsync("/api/feeds/topics/ai-ethics.rss", (r, body) => r.IsSuccessStatusCode && body.Contains("SenseTime", StringComparison.Ordinal));
        }
    }
}
