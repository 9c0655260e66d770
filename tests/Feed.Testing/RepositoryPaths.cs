namespace Feed.Testing;

/// <summary>Where the repository's files and the shared material beside it are, from a test's point of view.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Seeds => Path.Combine(Root, "seeds");

    public static string SeedFile => Path.Combine(Seeds, "000_2f0b49fc412bc3b3.txt");

    /// <summary>The article files of seeds/, in name order: not hidden, and not the sample events kept beside them.</summary>
    public static IReadOnlyList<string> SeedArticleFiles =>
        [.. Directory.EnumerateFiles(Seeds).Where(f => !Path.GetFileName(f).StartsWith('.') && !f.EndsWith(".json", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal)];

    public static string Consumers => Path.Combine(Root, "tests", "consumers");

    /// <summary>The 674 real article files, when <c>../shared</c> is beside the repository.</summary>
    public static string Corpus => Path.GetFullPath(Path.Combine(Root, "..", "shared", "corpus", "powerapps"));

    /// <summary>Skips the calling test, saying why, when the shared corpus is absent.</summary>
    public static string RequireCorpus()
    {
        if (!Directory.Exists(Corpus))
        {
            Assert.Skip($"the shared corpus is not at {Corpus} (it sits beside the repository in CI and on developer machines)");
        }

        return Corpus;
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
