using Azure.Storage.Blobs;
using Feed.Core.Configuration;
using Feed.Core.Storage;
using Feed.Server.Azurite;
using Feed.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Feed.Testing.Storage;

/// <summary>
/// The local host as a user runs it, on a free port, against its own Azurite; each fixture has its own containers.
/// A derived fixture can pass more settings (e.g. a small <c>Feed:HeadSize</c> to exercise archives).
/// </summary>
public class LocalHostFixture : IAsyncLifetime
{
    private AzuriteProcess? _azurite;
    private WebApplication? _app;
    private string? _location;

    /// <summary>Keeps Azurite's data on disk (in a temporary folder), so that Azurite can be stopped and restarted.</summary>
    public bool PersistData { get; init; }

    /// <summary>
    /// An Azurite already running (e.g. the one a Functions host uses, to compare both hosts on the same storage):
    /// the fixture uses it instead of starting its own, and leaves it running when disposed.
    /// </summary>
    public AzuriteProcess? SharedAzurite { get; init; }

    /// <summary>Settings added to (or replacing) the host's by the creator of the fixture, e.g. <c>LocalHost:MaxDegreeOfParallelism</c>.</summary>
    public IReadOnlyDictionary<string, string?> ExtraSettings { get; init; } = new Dictionary<string, string?>();

    public Uri BaseUrl { get; private set; } = new("http://127.0.0.1/");

    public HttpClient Http { get; private set; } = new();

    public FeedStorage Storage => _app!.Services.GetRequiredService<FeedStorage>();

    public BlobContainerClient Uploads => Storage.Uploads;

    public IServiceProvider Services => _app!.Services;

    public AzuriteProcess Azurite => _azurite!;

    /// <summary>Settings a derived fixture adds to the host's configuration.</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>();

    public virtual async ValueTask InitializeAsync()
    {
        _location = PersistData && SharedAzurite is null ? Path.Combine(Path.GetTempPath(), "feed-azurite-" + Guid.NewGuid().ToString("N")) : null;
        _azurite = SharedAzurite ?? await AzuriteProcess.StartAsync(location: _location);
        var port = AzuriteProcess.FreePort();
        BaseUrl = new Uri($"http://127.0.0.1:{port}/");
        var all = new Dictionary<string, string?>
        {
            [FeedSettingNames.Storage] = _azurite.Endpoints.ConnectionString,
            ["urls"] = BaseUrl.AbsoluteUri.TrimEnd('/'),
            [$"{LocalHostOptions.Section}:{nameof(LocalHostOptions.PollInterval)}"] = "00:00:00.200",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (name, value) in Settings.Concat(ExtraSettings))
        {
            all[name] = value;
        }

        _app = LocalFeedHost.Build([], all);
        await Storage.EnsureCreatedAsync();
        await _app.StartAsync();
        Http = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = System.Net.DecompressionMethods.None }) { BaseAddress = BaseUrl };
    }

    /// <summary>The host's <c>/api/health</c> answer: its status code and JSON body.</summary>
    public async Task<(System.Net.HttpStatusCode Status, System.Text.Json.Nodes.JsonObject Body)> HealthAsync(CancellationToken cancellationToken = default)
    {
        using var response = await Http.GetAsync(new Uri("api/health", UriKind.Relative), cancellationToken);
        var body = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))!.AsObject();
        return (response.StatusCode, body);
    }

    public async Task UploadAsync(string name, string path) =>
        await Uploads.GetBlobClient(name).UploadAsync(path, overwrite: true);

    public async Task UploadTextAsync(string name, string content) =>
        await Uploads.GetBlobClient(name).UploadAsync(BinaryData.FromString(content), overwrite: true);

    /// <summary>Polls <paramref name="path"/> until <paramref name="until"/> holds for its response, or fails after <paramref name="timeout"/>.</summary>
    public async Task<HttpResponseMessage> WaitForAsync(string path, Func<HttpResponseMessage, string, bool> until, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        string last = "";
        while (DateTime.UtcNow < deadline)
        {
            var response = await Http.GetAsync(path);
            var body = await response.Content.ReadAsStringAsync();
            if (until(response, body))
            {
                return response;
            }

            last = $"{(int)response.StatusCode} {body[..Math.Min(body.Length, 300)]}";
            await Task.Delay(100);
        }

        throw new TimeoutException($"GET {path} did not reach the expected state; last answer: {last}");
    }

    public virtual async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        if (_azurite is not null && SharedAzurite is null)
        {
            await _azurite.DisposeAsync();
        }

        if (_location is not null && Directory.Exists(_location))
        {
            Directory.Delete(_location, recursive: true);
        }
    }
}
