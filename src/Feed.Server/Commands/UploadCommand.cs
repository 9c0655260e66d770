using Azure.Storage.Blobs;

namespace Feed.Server.Commands;

/// <summary><c>feed upload FILE|FOLDER...</c>: uploads article files to the upload container, named after the file.</summary>
public static class UploadCommand
{
    public static async Task<int> UploadAsync(BlobContainerClient uploads, IEnumerable<string> paths, TextWriter output, CancellationToken cancellationToken = default)
    {
        await uploads.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        var count = 0;
        foreach (var path in paths)
        {
            if (!Directory.Exists(path) && !File.Exists(path))
            {
                throw new FileNotFoundException($"no such file or folder: {Path.GetFullPath(path)}");
            }

            var files = Directory.Exists(path)
                ? Directory.EnumerateFiles(path).Where(IsArticleFile).Order(StringComparer.Ordinal).ToList()
                : [path];
            foreach (var file in files)
            {
                await uploads.GetBlobClient(Path.GetFileName(file)).UploadAsync(file, overwrite: true, cancellationToken).ConfigureAwait(false);
                count++;
            }
        }

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
