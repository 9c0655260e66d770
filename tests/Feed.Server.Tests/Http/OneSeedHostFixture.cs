using Feed.Testing;
using Feed.Testing.Storage;

namespace Feed.Server.Tests.Http;

/// <summary>
/// The local host with one seed article, declaring the language <c>de-CH</c> and trusting one proxy that is not
/// loopback, so that the tests' own requests come from an untrusted client.
/// </summary>
public sealed class OneSeedHostFixture : LocalHostFixture
{
    public const string Language = "de-CH";

    public const string TopicFeed = "/api/feeds/topics/ai-ethics";

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Feed:Language"] = Language,
        ["Feed:KnownProxies"] = "192.0.2.1",
    };

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await UploadAsync("000_2f0b49fc412bc3b3.txt", RepositoryPaths.SeedFile);
        await WaitForAsync(TopicFeed + ".rss", (r, body) => r.IsSuccessStatusCode && body.Contains("SenseTime", StringComparison.Ordinal));
    }
}
