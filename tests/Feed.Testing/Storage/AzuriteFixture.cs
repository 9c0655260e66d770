using Azure.Storage.Blobs;
using Feed.Server.Azurite;

namespace Feed.Testing.Storage;

/// <summary>A real Azurite on free ports, in memory, for the lifetime of a test class or collection.</summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private AzuriteProcess? _azurite;

    public AzuriteProcess Azurite => _azurite ?? throw new InvalidOperationException("Azurite is not started");

    public string ConnectionString => Azurite.Endpoints.ConnectionString;

    public BlobServiceClient CreateServiceClient() => new(ConnectionString);

    public async ValueTask InitializeAsync() => _azurite = await AzuriteProcess.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }
}
