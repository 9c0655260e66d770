using System.Diagnostics;
using Azure.Storage.Blobs;
using Feed.Core.Articles;
using Feed.Core.Parsing;
using Feed.Core.Samples;

namespace Feed.Testing.Storage;

/// <summary>Synthetic article files held in memory, uploaded in parallel, and the articles they hold.</summary>
public sealed class SyntheticUploads
{
    private SyntheticUploads(IReadOnlyList<(string Name, BinaryData Content)> files) => Files = files;

    public IReadOnlyList<(string Name, BinaryData Content)> Files { get; }

    /// <summary>Files 0..<paramref name="count"/>-1 of the writer; half of them share one topic by default.</summary>
    public static SyntheticUploads Create(int count, SyntheticArticleOptions? options = null)
    {
        var writer = new SyntheticArticleWriter(options ?? new SyntheticArticleOptions { SharedTopicShare = 0.5 });
        return new SyntheticUploads([.. Enumerable.Range(0, count).Select(i => (SyntheticArticleWriter.FileName(i), BinaryData.FromString(writer.Write(i))))]);
    }

    /// <summary>Files <paramref name="start"/>..<paramref name="start"/>+<paramref name="count"/>-1 of these.</summary>
    public SyntheticUploads Slice(int start, int count) => new([.. Files.Skip(start).Take(count)]);

    /// <summary>Each file's article as ingestion will read it (every synthetic file is valid).</summary>
    public IReadOnlyList<Article> Articles()
    {
        var reader = new ArticleFileReader();
        return [.. Files.Select(f => reader.Read(f.Content.ToArray()).Article ?? throw new InvalidDataException($"{f.Name} is not a valid article"))];
    }

    /// <summary>Uploads every file with <paramref name="parallelism"/> uploads at once; returns the time it took.</summary>
    public async Task<TimeSpan> UploadAsync(BlobContainerClient container, int parallelism = 16, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        await Parallel.ForEachAsync(Files, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken }, async (file, token) =>
            await container.GetBlobClient(file.Name).UploadAsync(file.Content, overwrite: true, token));
        return Stopwatch.GetElapsedTime(started);
    }
}
