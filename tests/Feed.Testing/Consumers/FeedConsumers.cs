using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Feed.Testing.Consumers;

/// <summary>
/// Real feed readers run on our output: Debian's python3-feedparser, npm's rss-parser and @rowanmanning/feed-parser,
/// and newsboat. Each prints what it parsed as JSON (scripts in tests/consumers). A reader that is not installed
/// skips the calling test with the reason, unless <c>FEED_REQUIRE_ALL_PARSERS=1</c> (set by CI) makes that a failure.
/// </summary>
public static class FeedConsumers
{
    public const string DebianPython = "/usr/bin/python3";

    private static readonly Lazy<string?> FeedparserMissing = new(() => ProbeFeedparser());

    /// <summary>feedparser's view of <paramref name="feed"/>: bozo flag, version, feed and entries.</summary>
    public static async Task<JsonObject> FeedparserAsync(byte[] feed)
    {
        if (FeedparserMissing.Value is { } reason)
        {
            Unavailable(reason);
        }

        return await RunScriptAsync(DebianPython, [Path.Combine(RepositoryPaths.Consumers, "feedparser_dump.py"), "-"], feed);
    }

    /// <summary>rss-parser's and @rowanmanning/feed-parser's view of <paramref name="feed"/>; throws when either rejects it.</summary>
    public static async Task<JsonObject> NodeParsersAsync(byte[] feed)
    {
        if (!Directory.Exists(Path.Combine(RepositoryPaths.Root, "node_modules", "rss-parser")))
        {
            Unavailable("npm packages are not installed: run 'npm ci' in the repository root");
        }

        return await RunScriptAsync("node", [Path.Combine(RepositoryPaths.Consumers, "node-parsers.mjs"), "-"], feed);
    }

    /// <summary>feedparser's view of many feed files in one process, by file path (see <see cref="FeedparserAsync"/>).</summary>
    public static async Task<Dictionary<string, JsonObject>> FeedparserManyAsync(IReadOnlyList<string> files)
    {
        if (FeedparserMissing.Value is { } reason)
        {
            Unavailable(reason);
        }

        return await RunManyAsync(DebianPython, Path.Combine(RepositoryPaths.Consumers, "feedparser_dump.py"), files);
    }

    /// <summary>rss-parser's and @rowanmanning/feed-parser's view of many XML feed files in one process, by file path.</summary>
    public static async Task<Dictionary<string, JsonObject>> NodeParsersManyAsync(IReadOnlyList<string> files)
    {
        if (!Directory.Exists(Path.Combine(RepositoryPaths.Root, "node_modules", "rss-parser")))
        {
            Unavailable("npm packages are not installed: run 'npm ci' in the repository root");
        }

        return await RunManyAsync("node", Path.Combine(RepositoryPaths.Consumers, "node-parsers.mjs"), files);
    }

    /// <summary>newsboat fetching <paramref name="url"/> headless; returns its item count.</summary>
    public static async Task<JsonObject> NewsboatAsync(Uri url)
    {
        if (!File.Exists("/usr/bin/newsboat"))
        {
            Unavailable("newsboat is not installed (apt-get install -y newsboat)");
        }

        return await RunScriptAsync("bash", [Path.Combine(RepositoryPaths.Consumers, "newsboat_check.sh"), url.AbsoluteUri], null);
    }

    private static void Unavailable(string reason)
    {
        if (Environment.GetEnvironmentVariable("FEED_REQUIRE_ALL_PARSERS") == "1")
        {
            Assert.Fail($"{reason} (FEED_REQUIRE_ALL_PARSERS=1 requires every feed reader)");
        }

        Assert.Skip(reason);
    }

    private static async Task<JsonObject> RunScriptAsync(string program, string[] arguments, byte[]? input)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryPaths.Root,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (input is not null)
        {
            await process.StandardInput.BaseStream.WriteAsync(input);
        }

        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        var stdout = await output;
        var stderr = await error;
        if (process.ExitCode != 0)
        {
            throw new FeedRejectedException($"{Path.GetFileName(arguments[0])} failed (exit {process.ExitCode}): {stderr.Trim()}");
        }

        return JsonNode.Parse(stdout)?.AsObject() ?? throw new FeedRejectedException($"{arguments[0]} printed no JSON");
    }

    /// <summary>Runs a consumer script on several files (more than one, so it answers in JSON lines, each with its "file").</summary>
    private static async Task<Dictionary<string, JsonObject>> RunManyAsync(string program, string script, IReadOnlyList<string> files)
    {
        var results = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        for (var offset = 0; offset < files.Count; offset += 200)
        {
            var chunk = files.Skip(offset).Take(200).ToList();
            if (chunk.Count == 1)
            {
                chunk.Add(chunk[0]);
            }

            var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = RepositoryPaths.Root };
            start.ArgumentList.Add(script);
            foreach (var file in chunk)
            {
                start.ArgumentList.Add(file);
            }

            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
            await process.WaitForExitAsync(timeout.Token);
            var stdout = await output;
            if (process.ExitCode is not (0 or 1))
            {
                throw new FeedRejectedException($"{Path.GetFileName(script)} failed (exit {process.ExitCode}): {(await error).Trim()}");
            }

            foreach (var line in stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                var result = JsonNode.Parse(line)!.AsObject();
                results[result["file"]!.GetValue<string>()] = result;
            }
        }

        return results;
    }

    private static string? ProbeFeedparser()
    {
        if (!File.Exists(DebianPython))
        {
            return $"{DebianPython} is not installed";
        }

        using var process = Process.Start(new ProcessStartInfo(DebianPython, ["-c", "import feedparser"]) { RedirectStandardError = true, UseShellExecute = false })!;
        process.WaitForExit();
        return process.ExitCode == 0 ? null : "Debian's python3-feedparser is not installed (apt-get install -y python3-feedparser)";
    }
}
