using System.Net;
using System.Text.Json.Nodes;
using Feed.Core.Configuration;
using Feed.Core.Hosting;
using Feed.Core.Storage;
using Feed.Server.Azurite;
using Feed.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Feed.Server.Tests.Hosting;

/// <summary>The host creates the containers it needs on a new storage account, and its health says which is missing.</summary>
public sealed class ContainerCreationTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task LocalHost_NewStorageAccount_CreatesUploadAndDataContainers()
    {
        await using var azurite = await AzuriteProcess.StartAsync(cancellationToken: Token);
        await using var app = await StartAsync(azurite);
        var storage = app.Services.GetRequiredService<FeedStorage>();

        await app.Services.GetRequiredService<ContainerCreationService>().Created.WaitAsync(TimeSpan.FromSeconds(20), Token);

        Assert.True((await storage.Uploads.ExistsAsync(Token)).Value, "the upload container was not created");
        Assert.True((await storage.Data.ExistsAsync(Token)).Value, "the data container was not created");
    }

    [Fact]
    public async Task Health_DataContainerMissing_SaysStorageIsReachableAndNamesTheContainer()
    {
        await using var azurite = await AzuriteProcess.StartAsync(cancellationToken: Token);
        await using var app = await StartAsync(azurite);
        await app.Services.GetRequiredService<ContainerCreationService>().Created.WaitAsync(TimeSpan.FromSeconds(20), Token);
        var storage = app.Services.GetRequiredService<FeedStorage>();
        await storage.Data.DeleteAsync(cancellationToken: Token);

        var (status, health) = await HealthAsync(app);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("unhealthy", health["status"]!.GetValue<string>());
        Assert.Equal("reachable", health["storage"]!.GetValue<string>());
        Assert.Equal("present", health["containers"]!["uploads"]!.GetValue<string>());
        Assert.Equal("missing", health["containers"]!["feed-data"]!.GetValue<string>());
        Assert.Equal("storage is reachable, but container 'feed-data' is missing", health["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task Health_StorageStopped_SaysUnreachableNotMissing()
    {
        await using var azurite = await AzuriteProcess.StartAsync(cancellationToken: Token);
        await using var app = await StartAsync(azurite);
        await app.Services.GetRequiredService<ContainerCreationService>().Created.WaitAsync(TimeSpan.FromSeconds(20), Token);
        await azurite.StopAsync(Token);

        var (status, health) = await HealthAsync(app);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.StartsWith("unreachable: ", health["storage"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(health["containers"]);
        Assert.Null(health["reason"]);
    }

    private static async Task<WebApplication> StartAsync(AzuriteProcess azurite)
    {
        var app = LocalFeedHost.Build([], new Dictionary<string, string?>
        {
            [FeedSettingNames.Storage] = azurite.Endpoints.ConnectionString,
            ["urls"] = $"http://127.0.0.1:{AzuriteProcess.FreePort()}",
            [$"{LocalHostOptions.Section}:{nameof(LocalHostOptions.Watch)}"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        await app.StartAsync(Token);
        return app;
    }

    private static async Task<(HttpStatusCode Status, JsonObject Body)> HealthAsync(WebApplication app)
    {
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        using var response = await http.GetAsync(new Uri("api/health", UriKind.Relative), Token);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync(Token))!.AsObject());
    }
}
