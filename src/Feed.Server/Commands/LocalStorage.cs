using Feed.Core.Configuration;
using Feed.Server.Azurite;

namespace Feed.Server.Commands;

/// <summary>
/// The storage a command uses: the configured <c>AzureWebJobsStorage</c>, by default the development storage. When
/// that is the development storage and nothing answers, Azurite is started from the repository (data in
/// <c>.azurite/</c>) and stopped when the command ends.
/// </summary>
public sealed class LocalStorage : IAsyncDisposable
{
    public const string DevelopmentStorage = "UseDevelopmentStorage=true";

    private LocalStorage(string connectionString, AzuriteProcess? azurite)
    {
        ConnectionString = connectionString;
        Azurite = azurite;
    }

    public string ConnectionString { get; }

    /// <summary>The Azurite this command started, if it started one.</summary>
    public AzuriteProcess? Azurite { get; }

    public static async Task<LocalStorage> OpenAsync(IConfiguration configuration, TextWriter log, CancellationToken cancellationToken = default)
    {
        var configured = configuration[FeedSettingNames.Storage];
        var hasIdentityConnection = configuration.GetSection(FeedSettingNames.Storage)[FeedSettingNames.StorageBlobServiceUri] is not null;
        if (hasIdentityConnection || (!string.IsNullOrWhiteSpace(configured) && configured != DevelopmentStorage))
        {
            return new LocalStorage(configured ?? "", null);
        }

        var endpoints = AzuriteEndpoints.Default;
        if (await AzuriteProcess.IsListeningAsync(endpoints.BlobPort, cancellationToken).ConfigureAwait(false))
        {
            await log.WriteLineAsync($"Using the Azurite already listening on port {endpoints.BlobPort}.").ConfigureAwait(false);
            return new LocalStorage(endpoints.ConnectionString, null);
        }

        var script = AzuriteProcess.FindScript()
            ?? throw new InvalidOperationException("No Azurite answers on port 10000 and none is installed here: run 'npm ci' in the repository root, or start Azurite yourself.");
        var repository = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(script)!, "..", "..", "..", ".."));
        var location = Path.Combine(repository, ".azurite");
        await log.WriteLineAsync($"Starting Azurite (data in {location}) ...").ConfigureAwait(false);
        var azurite = await AzuriteProcess.StartAsync(endpoints, location, cancellationToken).ConfigureAwait(false);
        return new LocalStorage(endpoints.ConnectionString, azurite);
    }

    public async ValueTask DisposeAsync()
    {
        if (Azurite is not null)
        {
            await Azurite.DisposeAsync().ConfigureAwait(false);
        }
    }
}
