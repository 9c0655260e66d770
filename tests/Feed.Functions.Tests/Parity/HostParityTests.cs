using System.Net.Http.Headers;

namespace Feed.Functions.Tests.Parity;

/// <summary>
/// The Functions app on the real host and the local host, on the same storage, answer every request of
/// <see cref="ParityRequests"/> alike: status, <see cref="ComparedHeaders"/> and body bytes.
/// </summary>
[Collection(FunctionsHostCollection.Name)]
public sealed class HostParityTests(FunctionsHostFixture fixture)
{
    /// <summary>The host name both hosts are asked for, so that the absolute URLs they write agree.</summary>
    public const string PublicHost = "feeds.example.test";

    /// <summary>The response headers that must be equal (absent on both counts as equal).</summary>
    public static IReadOnlyList<string> ComparedHeaders { get; } =
    [
        "Content-Type", "Content-Length", "Content-Encoding", "ETag", "Last-Modified", "Cache-Control", "Vary", "Allow", "Link", "Retry-After",
        "Content-Security-Policy", "X-Content-Type-Options", "Location",
    ];

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Uri, HttpClient> NonRedirectingClients = new();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(ParityRequests.Names), MemberType = typeof(ParityRequests))]
    public async Task Hosts_SameRequest_AnswerAlike(string name)
    {
        var request = ParityRequests.Named(name);
        var functionsHost = WithoutRedirects(fixture.Http);
        await fixture.EnsureSeededAsync();
        var localHost = WithoutRedirects((await fixture.LocalHostAsync()).Http);
        var headers = await ResolveAsync(request, functionsHost);

        var functions = await SendAsync(functionsHost, request, headers);
        var local = await SendAsync(localHost, request, headers);

        var differences = Differences(functions, local, request.CompareBody);
        Assert.True(differences.Count == 0, $"{request.Method} {request.Path} {string.Join(", ", headers.Select(h => $"{h.Key}: {h.Value}"))}\n"
            + string.Join('\n', differences));
    }

    /// <summary>A client to the same host that answers a redirect with the redirect itself, so its status and Location are compared.</summary>
    private static HttpClient WithoutRedirects(HttpClient http) =>
        NonRedirectingClients.GetOrAdd(http.BaseAddress!, baseAddress => new HttpClient(
            new SocketsHttpHandler { AllowAutoRedirect = false, AutomaticDecompression = System.Net.DecompressionMethods.None })
        { BaseAddress = baseAddress });

    /// <summary>The row's headers with <c>{etag}</c> and <c>{last-modified}</c> replaced by those of a plain GET.</summary>
    private static async Task<IReadOnlyDictionary<string, string>> ResolveAsync(ParityRequest request, HttpClient http)
    {
        if (!request.NeedsValidators)
        {
            return request.Headers;
        }

        var plain = request with
        {
            Method = "GET",
            Headers = request.Headers.Where(h => !h.Key.StartsWith("If-", StringComparison.OrdinalIgnoreCase)).ToDictionary(StringComparer.OrdinalIgnoreCase),
        };
        var answer = await SendAsync(http, plain, plain.Headers);
        Assert.True(answer.Status == 200, $"GET {request.Path} for its validators answered {answer.Status}");
        return request.Headers.ToDictionary(
            h => h.Key,
            h => h.Value
                .Replace(ParityRequest.EtagPlaceholder, answer.Headers.GetValueOrDefault("ETag") ?? "", StringComparison.Ordinal)
                .Replace(ParityRequest.LastModifiedPlaceholder, answer.Headers.GetValueOrDefault("Last-Modified") ?? "", StringComparison.Ordinal),
            StringComparer.OrdinalIgnoreCase);
    }

    private static async Task<Answer> SendAsync(HttpClient http, ParityRequest request, IReadOnlyDictionary<string, string> headers)
    {
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), new Uri(request.Path.TrimStart('/'), UriKind.Relative));
        message.Headers.Host = PublicHost;
        foreach (var (name, value) in headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await http.SendAsync(message, Token);
        var body = await response.Content.ReadAsByteArrayAsync(Token);
        var compared = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in ComparedHeaders)
        {
            if ((Values(response.Headers, name) ?? Values(response.Content.Headers, name)) is { } value)
            {
                compared[name] = value;
            }
        }

        return new Answer((int)response.StatusCode, compared, body);
    }

    private static string? Values(HttpHeaders headers, string name) =>
        headers.NonValidated.TryGetValues(name, out var values) ? string.Join(", ", values) : null;

    private static List<string> Differences(Answer functions, Answer local, bool compareBody)
    {
        var differences = new List<string>();
        if (functions.Status != local.Status)
        {
            differences.Add($"status: Functions host {functions.Status}, local host {local.Status}");
        }

        foreach (var name in ComparedHeaders.Where(h => compareBody || h != "Content-Length"))
        {
            var a = functions.Headers.GetValueOrDefault(name);
            var b = local.Headers.GetValueOrDefault(name);
            if (a != b)
            {
                differences.Add($"{name}: Functions host {a ?? "(absent)"}, local host {b ?? "(absent)"}");
            }
        }

        if (compareBody && !functions.Body.AsSpan().SequenceEqual(local.Body))
        {
            differences.Add($"body: Functions host {functions.Body.Length} bytes '{Preview(functions.Body)}', local host {local.Body.Length} bytes '{Preview(local.Body)}'");
        }

        return differences;
    }

    private static string Preview(byte[] body) =>
        System.Text.Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 160)).ReplaceLineEndings(" ");

    private sealed record Answer(int Status, Dictionary<string, string> Headers, byte[] Body);
}
