using System.Net;
using Feed.Server.Hosting;
using Feed.Testing;
using Feed.Testing.Storage;

namespace Feed.Server.Tests.Hosting;

/// <summary>A host with <c>LocalHost:Watch=false</c> serves what is stored and ingests nothing.</summary>
public sealed class ServeOnlyHostTests
{
    [Fact]
    public async Task Watch_Off_ServesButDoesNotIngestUploads()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var host = new LocalHostFixture
        {
            ExtraSettings = new Dictionary<string, string?> { [$"{LocalHostOptions.Section}:{nameof(LocalHostOptions.Watch)}"] = "false" },
        };
        await host.InitializeAsync();

        await host.UploadAsync("000_2f0b49fc412bc3b3.txt", RepositoryPaths.SeedFile);
        await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);

        var (status, health) = await host.HealthAsync(cancellationToken);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(0, health["ingested"]!.GetValue<long>());
        var feed = await host.Http.GetAsync("/api/feeds/topics/ai.rss", cancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, feed.StatusCode);
        Assert.True(await host.Uploads.GetBlobClient("000_2f0b49fc412bc3b3.txt").ExistsAsync(cancellationToken));
    }
}
