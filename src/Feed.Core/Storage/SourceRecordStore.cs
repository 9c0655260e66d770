using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs.Models;
using Feed.Core.Ingestion;
using Feed.Core.Serialization;

namespace Feed.Core.Storage;

/// <summary>
/// One record per uploaded blob saying which version was processed and to what, as rows of one storage table
/// partition (the data container's name): records written at the same moment go in one transaction
/// (<see cref="GroupCommit{TItem, TResult}"/>), and one query lists what is up to date, where a blob per record cost a
/// request each and a listing of all of them.
/// </summary>
public sealed class SourceRecordStore
{
    /// <summary>The table, shared by every data container of an account, each in its own partition.</summary>
    public const string TableName = "feedsources";

    private const string NameProperty = "Name";
    private const string ETagProperty = "UploadETag";
    private const string OutcomeProperty = "Outcome";
    private const string ArticleIdProperty = "ArticleId";
    private const string ProcessedAtProperty = "ProcessedAt";

    private readonly string _partition;
    private readonly JsonBlobContainer _legacy;
    private readonly GroupCommit<(TableEntity Entity, bool OnlyIfAbsent), bool> _writes;
    private readonly OneTimeCreation _creation;

    public SourceRecordStore(TableClient table, string partition, JsonBlobContainer legacy)
    {
        Table = table;
        _partition = partition;
        _legacy = legacy;
        _writes = new GroupCommit<(TableEntity Entity, bool OnlyIfAbsent), bool>(WriteAsync);
        _creation = new OneTimeCreation(async cancellationToken => await table.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false));
    }

    public TableClient Table { get; }

    /// <summary>Creates the table where it does not exist yet; once per process is enough.</summary>
    public Task EnsureCreatedAsync(CancellationToken cancellationToken = default) => _creation.EnsureAsync(cancellationToken);

    public async Task<SourceRecord?> GetAsync(string uploadName, CancellationToken cancellationToken = default)
    {
        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(_partition, RowKey(uploadName), cancellationToken: cancellationToken).ConfigureAwait(false);
        return row.HasValue ? ToRecord(row.Value!) : null;
    }

    public Task PutAsync(SourceRecord record, CancellationToken cancellationToken = default) =>
        PutAsync(record, onlyIfAbsent: false, cancellationToken);

    /// <summary>Writes <paramref name="record"/>; with <paramref name="onlyIfAbsent"/>, only where none exists (false when one did).</summary>
    public async Task<bool> PutAsync(SourceRecord record, bool onlyIfAbsent, CancellationToken cancellationToken = default)
    {
        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        return await _writes.SubmitAsync((ToEntity(record), onlyIfAbsent), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes the record of <paramref name="uploadName"/>; false when there was none.</summary>
    public async Task<bool> DeleteAsync(string uploadName, CancellationToken cancellationToken = default)
    {
        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var response = await Table.DeleteEntityAsync(_partition, RowKey(uploadName), ETag.All, cancellationToken).ConfigureAwait(false);
        return response.Status != 404;
    }

    /// <summary>Every processed upload's name and the ETag of the version processed.</summary>
    public async Task<Dictionary<string, string>> ListProcessedAsync(CancellationToken cancellationToken = default)
    {
        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var processed = new Dictionary<string, string>(StringComparer.Ordinal);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {_partition}");
        await foreach (var row in Table.QueryAsync<TableEntity>(filter, select: [NameProperty, ETagProperty], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (row.GetString(NameProperty) is { } name && row.GetString(ETagProperty) is { } etag)
            {
                processed[name] = etag;
            }
        }

        return processed;
    }

    /// <summary>
    /// Moves the records of the layout before the table (one blob each under <c>sources/</c> in the data container)
    /// into the table, keeping a record the table already has for the same upload (it is newer), and deletes each
    /// blob once its record is in the table; a blob that does not hold a readable record is left as it is. Safe to run
    /// again at any point; returns how many it moved.
    /// </summary>
    public async Task<int> MoveBlobRecordsAsync(CancellationToken cancellationToken = default)
    {
        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var moved = 0;
        var names = _legacy.Client.GetBlobsAsync(new GetBlobsOptions { Prefix = BlobPaths.SourcesPrefix }, cancellationToken).Select(item => item.Name);
        await Parallel.ForEachAsync(names, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken }, async (name, token) =>
        {
            StoredDocument<SourceRecord>? stored;
            try
            {
                stored = await _legacy.GetAsync(name, FeedJsonContext.Default.SourceRecord, token).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is JsonException or InvalidDataException)
            {
                // Not a record this code can read: left where it is. Its upload has no row, so it is ingested again.
                return;
            }

            if (stored is not null)
            {
                await PutAsync(stored.Value, onlyIfAbsent: true, token).ConfigureAwait(false);
            }

            await _legacy.DeleteAsync(name, cancellationToken: token).ConfigureAwait(false);
            Interlocked.Increment(ref moved);
        }).ConfigureAwait(false);
        return moved;
    }

    /// <summary>
    /// One transaction per batch, where an upload appears at most once (a second record of it goes in the next); an
    /// <c>onlyIfAbsent</c> record that finds one is answered false and the rest of its batch written again without it.
    /// </summary>
    private async Task<IReadOnlyList<bool>> WriteAsync(IReadOnlyList<(TableEntity Entity, bool OnlyIfAbsent)> writes)
    {
        var results = new bool[writes.Count];
        var remaining = Enumerable.Range(0, writes.Count).ToList();
        while (remaining.Count > 0)
        {
            var rows = new HashSet<string>(StringComparer.Ordinal);
            var batch = remaining.Where(index => rows.Add(writes[index].Entity.RowKey)).ToList();
            try
            {
                await Table.SubmitTransactionAsync(
                    [.. batch.Select(index => new TableTransactionAction(writes[index].OnlyIfAbsent ? TableTransactionActionType.Add : TableTransactionActionType.UpsertReplace, writes[index].Entity))]).ConfigureAwait(false);
                batch.ForEach(index => results[index] = true);
                remaining = [.. remaining.Except(batch)];
            }
            catch (TableTransactionFailedException exception)
                when (exception.Status == 409 && exception.FailedTransactionActionIndex is { } failed && failed < batch.Count && writes[batch[failed]].OnlyIfAbsent)
            {
                remaining.Remove(batch[failed]);
            }
        }

        return results;
    }

    /// <summary>A fixed-length key any upload name maps to: row keys refuse <c>/</c>, <c>#</c>, <c>?</c> and control characters, and names may be longer than a key.</summary>
    private static string RowKey(string uploadName) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(uploadName)));

    private TableEntity ToEntity(SourceRecord record) => new(_partition, RowKey(record.BlobName))
    {
        [NameProperty] = record.BlobName,
        [ETagProperty] = record.ETag,
        [OutcomeProperty] = record.Outcome.ToString(),
        [ArticleIdProperty] = record.ArticleId,
        [ProcessedAtProperty] = record.ProcessedAt,
    };

    private static SourceRecord ToRecord(TableEntity row) => new()
    {
        BlobName = row.GetString(NameProperty),
        ETag = row.GetString(ETagProperty),
        Outcome = Enum.Parse<IngestionOutcome>(row.GetString(OutcomeProperty)),
        ArticleId = row.GetString(ArticleIdProperty),
        ProcessedAt = row.GetDateTimeOffset(ProcessedAtProperty) ?? DateTimeOffset.MinValue,
    };
}
