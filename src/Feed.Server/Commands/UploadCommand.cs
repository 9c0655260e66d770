using Azure.Storage.Blobs;

namespace Feed.Server.Commands;

/// <summary><c>feed upload FILE|FOLDER...</c>: uploads article files to the upload container, named after the file.</summary>
public static class UploadCommand
{
    public static async Task<int> UploadAsync(BlobContainerClient uploads, IEnumerable<string> paths, TextWriter output, CancellationToken cancellationToken = default)
    {
        await uploads.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        var missing = paths.FirstOrDefault(path => !Directory.Exists(path) && !File.Exists(path));
        if (missing is not null)
        {
            throw new FileNotFoundException($"no such file or folder: {Path.GetFullPath(missing)}");
        }

        var files = paths.SelectMany<string, string>(path => Directory.Exists(path)
            ? Directory.EnumerateFiles(path).Where(IsArticleFile).Order(StringComparer.Ordinal)
            : [path]).ToList();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(files, parallel, async (file, token) =>
            await uploads.GetBlobClient(Path.GetFileName(file)).UploadAsync(file, overwrite: true, token).ConfigureAwait(false)).ConfigureAwait(false);
        var count = files.Count;

        await output.WriteLineAsync($"Uploaded {count} file(s) to container '{uploads.Name}'.").ConfigureAwait(false);
        return count;
    }

    /// <summary>Article files in a folder: not hidden, and not the sample Event Grid events kept beside them.</summary>
    private static bool IsArticleFile(string path)
    {
        var name = Path.GetFileName(path);
        return !name.StartsWith('.') && !name.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
    }
}
