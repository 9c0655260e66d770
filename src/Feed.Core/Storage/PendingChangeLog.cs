using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Azure;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Feed.Core.Feeds;
using Feed.Core.Serialization;

namespace Feed.Core.Storage;

/// <summary>
/// Feed changes stored by ingestion and not yet folded into the feeds: each process appends them, one JSON line per
/// change, to its own append blob under <c>pending/</c> (named by its creation time, so a listing gives the oldest
/// first), and starts a new blob every <see cref="RollAfter"/>. Changes stored while an append is under way are
/// appended together in the next block: one request for many ingestions, and none waits longer than one append for
/// another. Appends name the position they expect, so a retried append is never written twice.
/// </summary>
/// <remarks>
/// No blob is deleted per change: storage (Azurite above all, which re-sorts its indexes on every delete) pays for a
/// delete far more than for an append. A log is deleted once folded and no longer written to, a few times an hour.
/// </remarks>
public sealed class PendingChangeLog
{
    private readonly JsonBlobContainer _container;
    private readonly TimeProvider _timeProvider;
    private static readonly AppendBlobCreateOptions LogCreation = new()
    {
        HttpHeaders = new BlobHttpHeaders { ContentType = "application/x-ndjson; charset=utf-8" },
        Conditions = new AppendBlobRequestConditions { IfNoneMatch = ETag.All },
    };

    private readonly GroupCommit<PendingFeedChange, bool> _appends;
    private long _lastTicks;
    private AppendBlobClient? _current;
    private DateTimeOffset _currentCreated;
    private long _currentLength;
    private int _currentBlocks;

    public PendingChangeLog(JsonBlobContainer container, TimeProvider timeProvider)
    {
        _container = container;
        _timeProvider = timeProvider;
        _appends = new GroupCommit<PendingFeedChange, bool>(AppendAsync) { MaxItems = 256 };
    }

    /// <summary>How long a process appends to one log before it starts a new one.</summary>
    public TimeSpan RollAfter { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Stores <paramref name="change"/> durably, appended with whatever other changes this process stores at the same moment.</summary>
    public Task AppendAsync(PendingFeedChange change, CancellationToken cancellationToken = default) =>
        _appends.SubmitAsync(change, cancellationToken);

    /// <summary>Every pending log, oldest first.</summary>
    public async Task<List<PendingLogSegment>> ListAsync(CancellationToken cancellationToken = default)
    {
        var segments = new List<PendingLogSegment>();
        var options = new GetBlobsOptions { Prefix = BlobPaths.PendingPrefix };
        await foreach (var item in _container.Client.GetBlobsAsync(options, cancellationToken).ConfigureAwait(false))
        {
            // A listing gives ETags bare (0x8D…), where conditions compare them quoted, as headers give them.
            var etag = new ETag($"\"{item.Properties.ETag?.ToString().Trim('"')}\"");
            segments.Add(new PendingLogSegment(item.Name[BlobPaths.PendingPrefix.Length..], item.Properties.ContentLength ?? 0, etag));
        }

        return segments;
    }

    /// <summary>The pending logs holding changes that <paramref name="manifest"/> does not record as folded.</summary>
    public async Task<int> CountUnfoldedAsync(FoldManifest manifest, CancellationToken cancellationToken = default) =>
        (await ListAsync(cancellationToken).ConfigureAwait(false)).Count(segment => !segment.IsFoldedIn(manifest));

    /// <summary>The changes of <paramref name="segment"/> from byte <paramref name="from"/> to the length listed, in the order they were stored.</summary>
    public async Task<List<LoggedFeedChange>> ReadAsync(PendingLogSegment segment, long from, CancellationToken cancellationToken = default)
    {
        if (segment.IsSingleChange)
        {
            var whole = await _container.GetAsync(BlobPaths.Pending(segment.Name), FeedJsonContext.Default.PendingFeedChange, cancellationToken).ConfigureAwait(false);
            return whole is null ? [] : [new LoggedFeedChange(0, whole.Value)];
        }

        if (segment.Length <= from)
        {
            return [];
        }

        // Appends are atomic, so the length a listing gives always ends a line.
        var blob = _container.Client.GetBlobClient(BlobPaths.Pending(segment.Name));
        var options = new BlobDownloadOptions { Range = new HttpRange(from, segment.Length - from) };
        var content = (await blob.DownloadContentAsync(options, cancellationToken).ConfigureAwait(false)).Value.Content.ToMemory();
        var changes = new List<LoggedFeedChange>();
        var offset = 0;
        while (offset < content.Length)
        {
            var end = content.Span[offset..].IndexOf((byte)'\n');
            var line = end < 0 ? content[offset..] : content.Slice(offset, end);
            var change = JsonSerializer.Deserialize(line.Span, FeedJsonContext.Default.PendingFeedChange)
                ?? throw new InvalidDataException($"pending log '{segment.Name}' holds JSON null at byte {from + offset}");
            changes.Add(new LoggedFeedChange(from + offset, change));
            offset += line.Length + 1;
        }

        return changes;
    }

    /// <summary>Deletes a folded log unless it was written to after it was listed; false when it was (or is gone).</summary>
    public Task<bool> DeleteAsync(PendingLogSegment segment, CancellationToken cancellationToken = default) =>
        _container.DeleteAsync(BlobPaths.Pending(segment.Name), segment.ETag, cancellationToken);

    private async Task<IReadOnlyList<bool>> AppendAsync(IReadOnlyList<PendingFeedChange> changes)
    {
        await AppendBlockAsync(Lines(changes)).ConfigureAwait(false);
        return [.. changes.Select(_ => true)];
    }

    private async Task AppendBlockAsync(byte[] block)
    {
        for (var attempt = 0; ; attempt++)
        {
            if (_current is null || _currentBlocks >= 10_000 || _timeProvider.GetUtcNow() - _currentCreated >= RollAfter)
            {
                await StartLogAsync().ConfigureAwait(false);
            }

            var position = _currentLength;
            try
            {
                var options = new AppendBlobAppendBlockOptions { Conditions = new AppendBlobRequestConditions { IfAppendPositionEqual = position } };
                using var stream = new MemoryStream(block, writable: false);
                await _current!.AppendBlockAsync(stream, options).ConfigureAwait(false);
            }
            catch (RequestFailedException exception) when (exception.Status is 404 or 409 or 412)
            {
                // A 412 after the storage client retried an append whose first attempt was written: it is there once.
                // Otherwise the log was deleted as folded, is full, or was written by someone else: on to a new log.
                if (exception.Status != 412 || !await WrittenAtAsync(position, block).ConfigureAwait(false))
                {
                    _current = null;
                    if (attempt < 2)
                    {
                        continue;
                    }

                    throw;
                }
            }

            _currentLength = position + block.Length;
            _currentBlocks++;
            return;
        }
    }

    private async Task<bool> WrittenAtAsync(long position, byte[] block)
    {
        try
        {
            var options = new BlobDownloadOptions { Range = new HttpRange(position, block.Length) };
            var written = (await _current!.DownloadContentAsync(options).ConfigureAwait(false)).Value.Content.ToMemory();
            return written.Span.SequenceEqual(block);
        }
        catch (RequestFailedException)
        {
            return false;
        }
    }

    private async Task StartLogAsync()
    {
        var now = _timeProvider.GetUtcNow();
        var name = string.Create(CultureInfo.InvariantCulture, $"{NextTicks(now):D19}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}.log");
        var log = _container.Client.GetAppendBlobClient(BlobPaths.Pending(name));
        await log.CreateAsync(LogCreation).ConfigureAwait(false);
        (_current, _currentCreated, _currentLength, _currentBlocks) = (log, now, 0, 0);
    }

    private static byte[] Lines(IEnumerable<PendingFeedChange> changes)
    {
        using var buffer = new MemoryStream();
        foreach (var change in changes)
        {
            JsonSerializer.Serialize(buffer, change, FeedJsonContext.Default.PendingFeedChange);
            buffer.WriteByte((byte)'\n');
        }

        return buffer.ToArray();
    }

    /// <summary>Now, but always later than the previous log of this process: its logs are folded in the order they were written.</summary>
    private long NextTicks(DateTimeOffset now)
    {
        var next = Math.Max(now.UtcTicks, _lastTicks + 1);
        _lastTicks = next;
        return next;
    }
}
