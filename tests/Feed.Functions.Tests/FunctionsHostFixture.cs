using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using Feed.Core.Configuration;
using Feed.Core.Storage;
using Feed.Server.Azurite;
using Feed.Server.Hosting;
using Feed.Testing;
using Feed.Testing.Hosting;
using Feed.Testing.Storage;

namespace Feed.Functions.Tests;

/// <summary>
/// The Functions app (src/Feed.Functions, built with the tests) on the real Azure Functions host from
/// <c>../shared/functions-host</c>, over its own Azurite on free ports, with the keys a caller needs: the master key
/// (admin API, timer runs) and the <c>blobs_extension</c> system key (the Event Grid webhook). The local host can be
/// started on the same storage to compare the two. Where the host is absent every test using this fixture skips
/// with the reason (fails under <c>FEED_REQUIRE_FUNCTIONS_HOST=1</c>, as in CI).
/// </summary>
public class FunctionsHostFixture : IAsyncLifetime
{
    private AzuriteProcess? _azurite;
    private FunctionsHostProcess? _host;
    private LocalHostFixture? _localHost;
    private string _blobsExtensionKey = "";
    private Task? _seeded;

    /// <summary>
    /// The settings both hosts are given (as app settings, as in Azure): the container names, and feeds of five items
    /// with archive pages of five, so that the seeds already fill archive pages.
    /// </summary>
    public static FeedOptions Options { get; } = new() { UploadContainer = "uploads", DataContainer = "feed-data", HeadSize = 5, ArchivePageSize = 5 };

    private static Dictionary<string, string> OptionSettings => new()
    {
        [FeedSettingNames.UploadContainer] = Options.UploadContainer,
        [FeedSettingNames.DataContainer] = Options.DataContainer,
        [FeedSettingNames.HeadSize] = Options.HeadSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [FeedSettingNames.ArchivePageSize] = Options.ArchivePageSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>The running host; skips (or fails in CI) the calling test when the host is absent.</summary>
    public FunctionsHostProcess Host
    {
        get
        {
            RepositoryPaths.RequireFunctionsHost();
            return _host ?? throw new InvalidOperationException("the Functions host is not started");
        }
    }

    /// <summary>A client for the Functions host (no automatic decompression).</summary>
    public HttpClient Http => Host.Http;

    public AzuriteProcess Azurite => _azurite ?? throw new InvalidOperationException("Azurite is not started");

    /// <summary>The storage the app uses, seen through the core's own stores.</summary>
    public FeedStorage Storage => new(Azurite.Endpoints.ConnectionString, Options);

    /// <summary>The upload container: write here, then post the event (Azurite sends none).</summary>
    public BlobContainerClient Uploads => Storage.Uploads;

    /// <summary>App settings of the Functions host beyond the container names, for derived fixtures.</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>();

    public virtual async ValueTask InitializeAsync()
    {
        if (!File.Exists(Path.Combine(RepositoryPaths.FunctionsHost, "run-host.sh")))
        {
            // Nothing to start; every test asks for Host and is skipped (or failed) with the reason there.
            return;
        }

        _azurite = await AzuriteProcess.StartAsync();
        var settings = OptionSettings.ToDictionary(s => AppSetting(s.Key), s => s.Value);
        foreach (var (name, value) in Settings)
        {
            settings[name] = value;
        }

        _host = await FunctionsHostProcess.StartAsync(RepositoryPaths.FunctionsApp, _azurite.Endpoints.ConnectionString, settings);
        _blobsExtensionKey = await _host.SystemKeyAsync("blobs_extension");
        await WaitForContainersAsync();
    }

    /// <summary>
    /// Posts <paramref name="events"/> to the blob extension's webhook for <see cref="FunctionNames.IngestUpload"/>,
    /// as an Event Grid subscription delivers them (one JSON array, <c>aeg-event-type: Notification</c>, the
    /// <c>blobs_extension</c> key as <c>code</c>), and returns the host's answer.
    /// </summary>
    public async Task<HttpResponseMessage> PostEventsAsync(IEnumerable<JsonObject> events, CancellationToken cancellationToken = default)
    {
        var uri = $"runtime/webhooks/blobs?functionName=Host.Functions.{FunctionNames.IngestUpload}&code={Uri.EscapeDataString(_blobsExtensionKey)}";
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(uri, UriKind.Relative))
        {
            Content = JsonContent.Create(new JsonArray([.. events.Select(e => e.DeepClone())])),
        };
        request.Headers.Add("aeg-event-type", "Notification");
        return await Http.SendAsync(request, cancellationToken);
    }

    /// <summary>
    /// Posts the BlobCreated event of upload <paramref name="name"/> and waits until the function that runs for it
    /// ends; returns the host's line for that run (<c>Executed 'Functions.IngestUpload' (Succeeded, …)</c>).
    /// </summary>
    public async Task<string> NotifyCreatedAsync(string name, CancellationToken cancellationToken = default)
    {
        var from = Host.LogLength;
        var created = await EventGridBlobEvents.CreatedAsync(Uploads.GetBlobClient(name), cancellationToken);
        using var response = await PostEventsAsync([created], cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"the blob webhook answered {(int)response.StatusCode} for {name}");
        }

        var outcome = await Host.WaitForExecutionAsync(FunctionNames.IngestUpload, from, cancellationToken: cancellationToken);
        await SettleAsync(cancellationToken);
        return outcome;
    }

    /// <summary>
    /// Waits until what the app was given is in the feeds: every upload processed in its current version and every
    /// feed change folded (ingestion folds changes into the feeds after the function returns).
    /// </summary>
    public Task SettleAsync(CancellationToken cancellationToken = default) =>
        IngestionSettle.WaitAsync(Storage, TimeSpan.FromSeconds(60), cancellationToken);

    /// <summary>Uploads <paramref name="content"/> as <paramref name="name"/>, then notifies the host as Event Grid would.</summary>
    public async Task<string> UploadAndNotifyAsync(string name, BinaryData content, CancellationToken cancellationToken = default)
    {
        await Uploads.GetBlobClient(name).UploadAsync(content, overwrite: true, cancellationToken);
        return await NotifyCreatedAsync(name, cancellationToken);
    }

    /// <summary>
    /// Uploads every file of seeds/ and delivers their BlobCreated events in one batch, as Event Grid may, then waits
    /// until each is processed; once per fixture (later calls return the same task).
    /// </summary>
    public Task EnsureSeededAsync() => _seeded ??= SeedAsync();

    private async Task SeedAsync()
    {
        var events = new List<JsonObject>();
        foreach (var file in RepositoryPaths.SeedArticleFiles)
        {
            var blob = Uploads.GetBlobClient(Path.GetFileName(file));
            await blob.UploadAsync(file, overwrite: true);
            events.Add(await EventGridBlobEvents.CreatedAsync(blob));
        }

        using var response = await PostEventsAsync(events);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"the blob webhook answered {(int)response.StatusCode} for the seeds");
        }

        await IngestionSettle.WaitAsync(Storage, TimeSpan.FromSeconds(90));
    }

    /// <summary>Runs the reconciliation timer now through the admin API, waits until it succeeded and its changes are folded.</summary>
    public async Task RunTimerAsync(CancellationToken cancellationToken = default)
    {
        await Host.RunFunctionAsync(FunctionNames.ReconcileUploads, cancellationToken: cancellationToken);
        await SettleAsync(cancellationToken);
    }

    /// <summary>
    /// The local host (<c>feed serve</c>'s host) on the same Azurite and containers, serving only (it does not
    /// watch the uploads, so every write comes from the Functions app); started on first use, stopped with the fixture.
    /// </summary>
    public async Task<LocalHostFixture> LocalHostAsync()
    {
        if (_localHost is null)
        {
            var localHost = new LocalHostFixture
            {
                SharedAzurite = Azurite,
                ExtraSettings = new Dictionary<string, string?>(OptionSettings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)))
                {
                    [$"{LocalHostOptions.Section}:{nameof(LocalHostOptions.Watch)}"] = "false",
                },
            };
            await localHost.InitializeAsync();
            _localHost = localHost;
        }

        return _localHost;
    }

    public virtual async ValueTask DisposeAsync()
    {
        if (_localHost is not null)
        {
            await _localHost.DisposeAsync();
        }

        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>The app creates its containers as it starts; tests that upload wait for that, and create nothing themselves.</summary>
    private async Task WaitForContainersAsync()
    {
        var storage = Storage;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!(await storage.Uploads.ExistsAsync()).Value || !(await storage.Data.ExistsAsync()).Value)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"the app did not create its containers within 30 s\n--- host log ---\n{_host!.LogText()}");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>An app setting's name for a configuration key (<c>Feed:DataContainer</c> → <c>Feed__DataContainer</c>).</summary>
    private static string AppSetting(string key) => key.Replace(":", "__", StringComparison.Ordinal);
}
