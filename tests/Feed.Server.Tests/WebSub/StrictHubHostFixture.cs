using Feed.Testing.Storage;

namespace Feed.Server.Tests.WebSub;

/// <summary>The local host with the hub's default safety settings (public callbacks only), a low per-host request rate, and the seeds' feeds.</summary>
public sealed class StrictHubHostFixture : LocalHostFixture
{
    public const int RequestsPerMinutePerCallbackHost = 5;

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["WebSub:RequestsPerMinutePerCallbackHost"] = "5",
        ["WebSub:RequestsPerMinutePerClient"] = "1000",
    };

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        foreach (var file in Feed.Testing.RepositoryPaths.SeedArticleFiles.Take(3))
        {
            await UploadAsync(Path.GetFileName(file), file);
        }

        await WaitForAsync("/api/feeds/all.rss", (r, _) => r.IsSuccessStatusCode);
    }
}
