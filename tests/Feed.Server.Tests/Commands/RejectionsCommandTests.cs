using System.Net;
using System.Text.Json.Nodes;
using Feed.Core.Configuration;
using Feed.Server.Commands;
using Feed.Server.Hosting;
using Feed.Testing;
using Feed.Testing.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Feed.Server.Tests.Commands;

/// <summary><c>feed rejections</c> lists rejected uploads; <c>--redrive</c> ingests them again once the cause is fixed.</summary>
public sealed class RejectionsCommandTests
{
    [Fact]
    public async Task RunAsync_ListThenRedriveAfterLimitRaised_IngestsTheFileAndKeepsTheInvalidOne()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        // The host runs with a file size limit the seed exceeds (the "bug"); the commands run with the default (the "fix").
        await using var host = new LocalHostFixture
        {
            ExtraSettings = new Dictionary<string, string?>
            {
                [FeedSettingNames.MaxFileBytes] = "1000",
                [$"{LocalHostOptions.Section}:{nameof(LocalHostOptions.PollInterval)}"] = "01:00:00",
            },
        };
        await host.InitializeAsync();
        await host.UploadAsync("seed.txt", RepositoryPaths.SeedFile);
        await host.UploadTextAsync("broken.txt", "---\ntitle: no link and no date\n---\n");
        await host.Services.GetRequiredService<Feed.Core.Ingestion.UploadReconciler>().ReconcileAsync(cancellationToken);

        var listing = new StringWriter();
        var listed = await RejectionsCommand.RunAsync(new CommandLine([], RejectionsCommand.RedriveFlag), Configuration(host), listing, cancellationToken);
        var redriveOne = new StringWriter();
        var redriven = await RejectionsCommand.RunAsync(new CommandLine(["--redrive", "seed.txt"], RejectionsCommand.RedriveFlag), Configuration(host), redriveOne, cancellationToken);
        var redriveAll = new StringWriter();
        var stillRejected = await RejectionsCommand.RunAsync(new CommandLine(["--redrive"], RejectionsCommand.RedriveFlag), Configuration(host), redriveAll, cancellationToken);
        var after = new StringWriter();
        await RejectionsCommand.RunAsync(new CommandLine([], RejectionsCommand.RedriveFlag), Configuration(host), after, cancellationToken);

        Assert.Equal(0, listed);
        var records = Lines(listing);
        Assert.Equal(["broken.txt", "seed.txt"], records.Select(r => r["file"]!.GetValue<string>()));
        Assert.All(records, r => Assert.StartsWith("\"0x", r["etag"]!.GetValue<string>(), StringComparison.Ordinal));
        Assert.All(records, r => Assert.True(DateTimeOffset.TryParse(r["rejectedAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture, out _)));
        Assert.Equal("file.too-large", records[1]["errors"]![0]!["code"]!.GetValue<string>());
        Assert.NotEmpty(records[0]["errors"]!.AsArray());

        Assert.Equal(0, redriven);
        Assert.Equal("Ingested", Assert.Single(Lines(redriveOne))["outcome"]!.GetValue<string>());
        await host.WaitForAsync("/api/feeds/topics/ai-ethics.rss", (r, body) => r.StatusCode == HttpStatusCode.OK && body.Contains("SenseTime", StringComparison.Ordinal));

        Assert.Equal(1, stillRejected);
        var again = Assert.Single(Lines(redriveAll));
        Assert.Equal(("broken.txt", "Rejected"), (again["file"]!.GetValue<string>(), again["outcome"]!.GetValue<string>()));
        Assert.Equal(["broken.txt"], Lines(after).Select(r => r["file"]!.GetValue<string>()));
    }

    [Fact]
    public async Task RunAsync_RedriveUnknownName_RefusedWithReason()
    {
        await using var host = new LocalHostFixture();
        await host.InitializeAsync();

        var refusal = await Assert.ThrowsAsync<ArgumentException>(() =>
            RejectionsCommand.RunAsync(new CommandLine(["--redrive", "never-uploaded.txt"], RejectionsCommand.RedriveFlag), Configuration(host), TextWriter.Null, TestContext.Current.CancellationToken));

        Assert.Contains("not a rejected upload: never-uploaded.txt", refusal.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Configuration(LocalHostFixture host) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [FeedSettingNames.Storage] = host.Azurite.Endpoints.ConnectionString }).Build();

    private static List<JsonObject> Lines(StringWriter output) =>
        [.. output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonNode.Parse(line)!.AsObject())];
}
