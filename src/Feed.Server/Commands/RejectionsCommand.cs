using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Feed.Core.Articles;
using Feed.Core.Ingestion;
using Feed.Core.Storage;
using Feed.Core.Serialization;

namespace Feed.Server.Commands;

/// <summary>
/// <c>feed rejections</c> lists the rejected uploads (one JSON line each: file, etag, rejectedAt, errors);
/// <c>feed rejections --redrive [NAME...]</c> ingests them again (all when no name is given) and prints each outcome.
/// Redriving exits 1 when a file is still rejected.
/// </summary>
public static class RejectionsCommand
{
    public const string RedriveFlag = "redrive";

    private static readonly JsonSerializerOptions JsonOutput = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task<int> RunAsync(CommandLine commandLine, IConfiguration configuration, TextWriter output, CancellationToken cancellationToken = default)
    {
        await using var storage = await LocalStorage.OpenAsync(configuration, Console.Error, cancellationToken).ConfigureAwait(false);
        await using var services = CommandServices.Build(configuration, storage.ConnectionString);
        await services.GetRequiredService<FeedStorage>().EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var redriver = services.GetRequiredService<RejectionRedriver>();
        if (!commandLine.Flag(RedriveFlag))
        {
            if (commandLine.Positional.Count > 0)
            {
                throw new ArgumentException("names are only taken with --redrive");
            }

            foreach (var record in await redriver.ListAsync(cancellationToken).ConfigureAwait(false))
            {
                var line = new JsonObject
                {
                    ["file"] = record.File,
                    ["etag"] = record.ETag,
                    ["rejectedAt"] = record.RejectedAt.ToString("O", CultureInfo.InvariantCulture),
                    ["errors"] = Serialize(record.Errors),
                };
                await output.WriteLineAsync(line.ToJsonString(JsonOutput)).ConfigureAwait(false);
            }

            return 0;
        }

        var allIngested = true;
        foreach (var result in await redriver.RedriveAsync(commandLine.Positional, cancellationToken).ConfigureAwait(false))
        {
            allIngested &= result.Outcome is not IngestionOutcome.Rejected;
            var line = new JsonObject
            {
                ["file"] = result.BlobName,
                ["outcome"] = result.Outcome.ToString(),
                ["articleId"] = result.ArticleId,
                ["errors"] = Serialize(result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)),
            };
            await output.WriteLineAsync(line.ToJsonString(JsonOutput)).ConfigureAwait(false);
        }

        return allIngested ? 0 : 1;
    }

    private static JsonArray Serialize(IEnumerable<ArticleDiagnostic> diagnostics) =>
        new([.. diagnostics.Select(d => JsonSerializer.SerializeToNode(d, FeedJsonContext.Default.ArticleDiagnostic))]);
}
