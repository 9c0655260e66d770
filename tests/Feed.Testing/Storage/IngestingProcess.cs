using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Feed.Core.Configuration;
using Feed.Core.Feeds;
using Feed.Core.Hosting;
using Feed.Core.Ingestion;
using Feed.Core.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Feed.Testing.Storage;

/// <summary>
/// One ingesting instance as a Functions instance runs it: its own storage client, ingestor, feed writer and fold
/// lease holder, sharing nothing in memory with the others, only the storage account. Counts what it writes.
/// </summary>
public sealed class IngestingProcess : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private IngestingProcess(ServiceProvider services, WrittenBytesPolicy written)
    {
        _services = services;
        Written = written;
    }

    public WrittenBytesPolicy Written { get; }

    public FeedStorage Storage => _services.GetRequiredService<FeedStorage>();

    public ArticleIngestor Ingestor => _services.GetRequiredService<ArticleIngestor>();

    public FeedChangeFolder Folder => _services.GetRequiredService<FeedChangeFolder>();

    public FeedIndexWriter Writer => _services.GetRequiredService<FeedIndexWriter>();

    public IngestionCounters Counters => _services.GetRequiredService<IngestionCounters>();

    /// <summary>An instance on the storage of <paramref name="connectionString"/>, with <paramref name="settings"/> (container names and the like).</summary>
    public static IngestingProcess Start(string connectionString, IReadOnlyDictionary<string, string?> settings)
    {
        var written = new WrittenBytesPolicy();
        var options = new BlobClientOptions();
        options.AddPolicy(written, HttpPipelinePosition.PerRetry);
        var tableOptions = new TableClientOptions();
        tableOptions.AddPolicy(written, HttpPipelinePosition.PerRetry);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(new BlobServiceClient(connectionString, options))
            .AddSingleton(new TableServiceClient(connectionString, tableOptions))
            .AddFeedCore(configuration)
            .BuildServiceProvider();
        return new IngestingProcess(services, written);
    }

    /// <summary>Ingests <paramref name="names"/> from the upload container, <paramref name="parallelism"/> at a time.</summary>
    public Task IngestAsync(IEnumerable<string> names, int parallelism, CancellationToken cancellationToken = default) =>
        Parallel.ForEachAsync(names, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken }, async (name, token) =>
            await Ingestor.IngestAsync(Storage.Uploads.GetBlobClient(name), token));

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
