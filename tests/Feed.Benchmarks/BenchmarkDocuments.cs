namespace Feed.Benchmarks;

/// <summary>
/// The article files benchmarks run over: the shared corpus beside the repository, or the repository's seeds when
/// the corpus is absent (their article files: <c>.md</c> and <c>.txt</c>). Loaded once, as bytes, so that file I/O is
/// never measured.
/// </summary>
public static class BenchmarkDocuments
{
    private static readonly Lazy<(string Source, IReadOnlyList<byte[]> Files)> Loaded = new(Load);

    /// <summary>Where the files came from, for the report.</summary>
    public static string Source => Loaded.Value.Source;

    public static IReadOnlyList<byte[]> Files => Loaded.Value.Files;

    private static (string, IReadOnlyList<byte[]>) Load()
    {
        var root = FindRoot();
        var corpus = Path.GetFullPath(Path.Combine(root, "..", "shared", "corpus", "powerapps"));
        var folder = Directory.Exists(corpus) ? corpus : Path.Combine(root, "seeds");
        var files = Directory.EnumerateFiles(folder)
            .Where(file => Path.GetExtension(file) is ".md" or ".txt")
            .Order(StringComparer.Ordinal)
            .Select(File.ReadAllBytes)
            .ToList();
        return (folder, files);
    }

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Feed.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("Feed.sln not found above " + AppContext.BaseDirectory);
    }
}
