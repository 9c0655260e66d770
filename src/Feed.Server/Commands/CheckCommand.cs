using System.Text.Json;
using System.Text.Json.Nodes;
using Feed.Core.Articles;
using Feed.Core.Configuration;
using Feed.Core.Parsing;
using Feed.Core.Serialization;

namespace Feed.Server.Commands;

/// <summary>
/// <c>feed check FILE|FOLDER...</c>: validates article files without any storage. Prints one JSON object per file
/// (<c>file</c>, <c>ok</c>, <c>article</c> or <c>errors</c>, <c>warnings</c>); exits 0 only when every file is valid.
/// </summary>
public static class CheckCommand
{
    private static readonly JsonSerializerOptions JsonOutput = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task<int> RunAsync(IReadOnlyList<string> paths, TextWriter output, CancellationToken cancellationToken = default)
    {
        if (paths.Count == 0)
        {
            await Console.Error.WriteLineAsync("usage: feed check FILE|FOLDER...").ConfigureAwait(false);
            return 2;
        }

        var reader = new ArticleFileReader();
        var maxBytes = new FeedOptions().MaxFileBytes;
        var allValid = true;
        foreach (var file in Expand(paths))
        {
            var line = new JsonObject { ["file"] = file };
            IReadOnlyList<ArticleDiagnostic> diagnostics;
            JsonNode? article = null;
            if (!File.Exists(file))
            {
                diagnostics = [new ArticleDiagnostic(DiagnosticCodes.FileNotFound, null, "no such file", DiagnosticSeverity.Error)];
            }
            else if (new FileInfo(file).Length > maxBytes)
            {
                diagnostics = [new ArticleDiagnostic(DiagnosticCodes.FileTooLarge, null, $"the file is {new FileInfo(file).Length} bytes; the limit is {maxBytes} bytes", DiagnosticSeverity.Error)];
            }
            else
            {
                var result = reader.Read(await File.ReadAllBytesAsync(file, cancellationToken).ConfigureAwait(false));
                diagnostics = result.Diagnostics;
                if (result.Article is { } valid)
                {
                    article = Public(valid);
                }
            }

            var ok = article is not null;
            allValid &= ok;
            line["ok"] = ok;
            if (ok)
            {
                line["article"] = article;
            }
            else
            {
                line["errors"] = Serialize(diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
            }

            line["warnings"] = Serialize(diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning));
            await output.WriteLineAsync(line.ToJsonString(JsonOutput)).ConfigureAwait(false);
        }

        return allValid ? 0 : 1;
    }

    /// <summary>The normalized article as stored, less its warnings (printed beside it) and every <c>secured</c> value.</summary>
    private static JsonObject Public(Article article)
    {
        var json = JsonSerializer.SerializeToNode(article, FeedJsonContext.Default.Article)!.AsObject();
        json.Remove("secured");
        json.Remove("warnings");
        if (json["extra"] is JsonObject extra)
        {
            foreach (var name in extra.Select(member => member.Key).Where(IsSecured).ToList())
            {
                extra.Remove(name);
            }
        }

        return json;
    }

    private static bool IsSecured(string field) => field == "secured" || field.EndsWith(".secured", StringComparison.Ordinal);

    private static JsonArray Serialize(IEnumerable<ArticleDiagnostic> diagnostics) =>
        new([.. diagnostics.Select(d => JsonSerializer.SerializeToNode(d, FeedJsonContext.Default.ArticleDiagnostic))]);

    private static IEnumerable<string> Expand(IEnumerable<string> paths) =>
        paths.SelectMany<string, string>(path => Directory.Exists(path)
            ? Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Where(f => !Path.GetFileName(f).StartsWith('.')).Order(StringComparer.Ordinal)
            : [path]);
}
