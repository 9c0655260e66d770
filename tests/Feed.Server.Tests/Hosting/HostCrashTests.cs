using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using Feed.Core.Configuration;
using Feed.Core.Storage;
using Feed.Server.Azurite;
using Feed.Testing.Feeds;
using Feed.Testing.Hosting;
using Feed.Testing.Storage;

namespace Feed.Server.Tests.Hosting;

/// <summary>The <c>feed serve</c> process is killed (SIGKILL) in the middle of a bulk ingestion and started again.</summary>
public sealed class HostCrashTests
{
    private const int Size = 200;

    [Fact]
    public async Task Serve_KilledDuringIngestionAndRestarted_PicksUpWhereItStopped()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var uploads = SyntheticUploads.Create(Size);
        var expected = ExpectedFeeds.From(uploads.Articles());
        await using var azurite = await AzuriteProcess.StartAsync(cancellationToken: cancellationToken);
        var storage = new FeedStorage(azurite.Endpoints.ConnectionString, new FeedOptions());
        await storage.EnsureCreatedAsync(cancellationToken);
        await uploads.UploadAsync(storage.Uploads, 16, cancellationToken);
        var baseUrl = new Uri($"http://127.0.0.1:{AzuriteProcess.FreePort()}/");
        using var http = new HttpClient { BaseAddress = baseUrl };

        await using (var first = await FeedServeProcess.StartAsync(azurite.Endpoints.ConnectionString, baseUrl, cancellationToken: cancellationToken))
        {
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (await IngestedAsync(http, cancellationToken) < Size / 10)
            {
                Assert.True(DateTime.UtcNow < deadline, "the first process ingested nothing:\n" + first.Output);
                await Task.Delay(50, cancellationToken);
            }

            await first.KillAsync();
        }

        var lagging = await IngestionSettle.CountUnprocessedAsync(storage, cancellationToken);
        Assert.True(lagging > 0, "ingestion finished before the kill; the test needs a larger size");

        await using var second = await FeedServeProcess.StartAsync(azurite.Endpoints.ConnectionString, baseUrl, cancellationToken: cancellationToken);
        var restarted = System.Diagnostics.Stopwatch.StartNew();
        await IngestionSettle.WaitAsync(storage, TimeSpan.FromSeconds(120), cancellationToken);
        TestContext.Current.TestOutputHelper?.WriteLine($"{lagging} of {Size} uploads left at the kill; settled {restarted.Elapsed.TotalSeconds:F1} s after the restart");

        var report = await FeedCompleteness.CheckAsync(http, storage.Feeds, expected, cancellationToken);
        Assert.True(report.Problems.Count == 0, report.ToString());
        var health = await HealthAsync(http, cancellationToken);
        Assert.Equal(lagging, health["ingested"]!.GetValue<long>());
        Assert.Equal(0, health["unchanged"]!.GetValue<long>());
    }

    private static async Task<long> IngestedAsync(HttpClient http, CancellationToken cancellationToken) =>
        (await HealthAsync(http, cancellationToken))["ingested"]!.GetValue<long>();

    private static async Task<JsonObject> HealthAsync(HttpClient http, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(new Uri("api/health", UriKind.Relative), cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"health answered {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!.AsObject();
    }
}
