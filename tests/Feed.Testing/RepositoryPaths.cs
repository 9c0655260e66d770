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

    /// <summary>The Azure Functions host (<c>../shared/functions-host</c>) that runs the Functions app in tests.</summary>
    public static string FunctionsHost => Path.GetFullPath(Path.Combine(Root, "..", "shared", "functions-host"));

    /// <summary>
    /// Skips the calling test, saying why, when the Functions host is absent; fails it instead where
    /// <c>FEED_REQUIRE_FUNCTIONS_HOST=1</c> (set by CI), so that CI cannot pass without running the app on it.
    /// </summary>
    public static string RequireFunctionsHost()
    {
        if (!File.Exists(Path.Combine(FunctionsHost, "run-host.sh")))
        {
            var reason = $"the Azure Functions host is not at {FunctionsHost} (it sits beside the repository in CI and on developer machines)";
            if (Environment.GetEnvironmentVariable("FEED_REQUIRE_FUNCTIONS_HOST") == "1")
            {
                Assert.Fail($"{reason}; FEED_REQUIRE_FUNCTIONS_HOST=1 requires it");
            }

            Assert.Skip(reason);
        }

        return FunctionsHost;
    }

    /// <summary>
    /// The built Functions app (<c>src/Feed.Functions/bin/{configuration}/net10.0</c>) in the configuration the tests
    /// were built in: the test project builds it through a project reference.
    /// </summary>
    public static string FunctionsApp
    {
        get
        {
            var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent?.Name ?? "Release";
            return Path.Combine(Root, "src", "Feed.Functions", "bin", configuration, "net10.0");
        }
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
