using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Feed.Core.Configuration;
using Feed.Server.Tests.Http;
using Feed.Testing;
using Feed.Testing.Storage;

namespace Feed.Server.Tests.Pages;

/// <summary>
/// The seeded host with small heads (so that feeds have archive pages) and a hostile article, and one run of
/// tests/browser/pages.mjs against it in Debian's Chromium: its report holds one result per check.
/// </summary>
public sealed class BrowserHostFixture : SeededHostFixture
{
    public const string Chromium = "/usr/bin/chromium";

    public static string Screenshots => Path.Combine(RepositoryPaths.Root, "TestResults", "browser");

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        [FeedSettingNames.HeadSize] = ArchivingHostFixture.HeadSize.ToString(CultureInfo.InvariantCulture),
        [FeedSettingNames.ArchivePageSize] = ArchivingHostFixture.PageSize.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>Why the browser could not run (Chromium or the npm packages missing); null when it ran.</summary>
    public string? Unavailable { get; private set; }

    public JsonObject Checks { get; private set; } = [];

    public string Output { get; private set; } = "";

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await UploadTextAsync(HostileArticle.FileName, HostileArticle.Text);
        await WaitForAsync(HostileArticle.FeedPath, (r, _) => r.IsSuccessStatusCode);
        await IngestionSettle.WaitAsync(Storage, TimeSpan.FromSeconds(60));

        if (!File.Exists(Chromium))
        {
            Unavailable = $"{Chromium} is not installed (apt-get install -y chromium)";
            return;
        }

        if (!Directory.Exists(Path.Combine(RepositoryPaths.Root, "node_modules", "puppeteer-core")))
        {
            Unavailable = "npm packages are not installed: run 'npm ci' in the repository root";
            return;
        }

        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = RepositoryPaths.Root };
        foreach (var argument in new[]
        {
            Path.Combine(RepositoryPaths.Root, "tests", "browser", "pages.mjs"),
            "--base", BaseUrl.AbsoluteUri, "--out", Screenshots, "--feed", "/api/feeds/topics/ai.rss",
            "--hostile", HostileArticle.FeedPath, "--hostile-text", HostileArticle.Title,
        })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        Output = (await stdout) + (await stderr);
        var report = (await stdout).Trim();
        Checks = report.StartsWith('{') ? JsonNode.Parse(report)!["checks"]!.AsObject() : [];
    }
}
