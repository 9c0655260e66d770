using System.Text.Json.Nodes;
using Feed.Core.Articles;
using Feed.Core.Parsing;
using Feed.Server.Commands;
using Feed.Testing;

namespace Feed.Server.Tests.Commands;

public sealed class CheckCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("feed-check-").FullName;

    [Fact]
    public async Task RunAsync_AllFilesValid_PrintsOneArticlePerFileAndExitsZero()
    {
        var seed = Copy(RepositoryPaths.SeedFile, "seed.txt");
        var other = Write("other.md", Valid("https://check.example/other"));
        var output = new StringWriter();

        var exitCode = await CheckCommand.RunAsync([seed, other], output, TestContext.Current.CancellationToken);

        Assert.Equal(0, exitCode);
        var lines = Lines(output);
        Assert.Equal([seed, other], lines.Select(l => l["file"]!.GetValue<string>()));
        Assert.All(lines, line =>
        {
            Assert.True(line["ok"]!.GetValue<bool>());
            Assert.Null(line["errors"]);
            Assert.IsType<JsonArray>(line["warnings"]);
        });
        Assert.Equal("scmp.com", lines[0]["article"]!["provider"]!["domain"]!.GetValue<string>());
        Assert.Equal("https://check.example/other", lines[1]["article"]!["link"]!.GetValue<string>());
    }

    [Fact]
    public async Task RunAsync_OneFileBroken_PrintsItsErrorsAndExitsOne()
    {
        var good = Write("good.md", Valid("https://check.example/good"));
        var broken = Write("broken.md", Valid("https://check.example/broken").Replace("title: Checked", "title: Hello: world", StringComparison.Ordinal));
        var output = new StringWriter();

        var exitCode = await CheckCommand.RunAsync([good, broken], output, TestContext.Current.CancellationToken);

        Assert.Equal(1, exitCode);
        var line = Lines(output)[1];
        Assert.Equal(broken, line["file"]!.GetValue<string>());
        Assert.False(line["ok"]!.GetValue<bool>());
        Assert.Null(line["article"]);
        var error = Assert.Single(line["errors"]!.AsArray())!;
        Assert.Equal(DiagnosticCodes.YamlInvalid, error["code"]!.GetValue<string>());
        Assert.Equal("title", error["field"]!.GetValue<string>());
        Assert.Equal((2, 13), (error["line"]!.GetValue<int>(), error["column"]!.GetValue<int>()));
        Assert.Equal("Error", error["severity"]!.GetValue<string>());
    }

    [Fact]
    public async Task RunAsync_Folder_ChecksEveryFileWithWarnings()
    {
        Write("b.md", Valid("https://check.example/b").Replace("2021-08-27T16:15:00Z", "2021-08-27T16:15:00", StringComparison.Ordinal));
        Write("a.md", Valid("https://check.example/a"));
        var output = new StringWriter();

        var exitCode = await CheckCommand.RunAsync([_folder], output, TestContext.Current.CancellationToken);

        Assert.Equal(0, exitCode);
        var lines = Lines(output);
        Assert.Equal(["a.md", "b.md"], lines.Select(l => Path.GetFileName(l["file"]!.GetValue<string>())));
        var warning = Assert.Single(lines[1]["warnings"]!.AsArray())!;
        Assert.Equal(DiagnosticCodes.DateWithoutTimeZone, warning["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task RunAsync_MissingFile_ReportsFileNotFoundAndExitsOne()
    {
        var output = new StringWriter();

        var exitCode = await CheckCommand.RunAsync([Path.Combine(_folder, "nope.md")], output, TestContext.Current.CancellationToken);

        Assert.Equal(1, exitCode);
        Assert.Equal(DiagnosticCodes.FileNotFound, Lines(output)[0]["errors"]![0]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task RunAsync_SeedWithSecuredToken_NeverPrintsIt()
    {
        var secured = new ArticleFileReader().Read(File.ReadAllBytes(RepositoryPaths.SeedFile)).Article!.Secured!;
        var nested = Write("nested.md", Valid("https://check.example/nested").Replace("topics:", "related:\n  - title: Other\n    webUrl: https://other.example/x\n    secured: \"nested-secret-value\"\ntopics:", StringComparison.Ordinal));
        var output = new StringWriter();

        await CheckCommand.RunAsync([Copy(RepositoryPaths.SeedFile, "seed.txt"), nested], output, TestContext.Current.CancellationToken);

        var text = output.ToString();
        Assert.Contains("SenseTime", text, StringComparison.Ordinal);
        Assert.DoesNotContain(secured[..24], text, StringComparison.Ordinal);
        Assert.DoesNotContain("nested-secret-value", text, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string Valid(string link) => $"""
        ---
        title: Checked
        publishedDateTime: 2021-08-27T16:15:00Z
        webUrl: {link}
        provider:
          name: Check Example
          domain: check.example
        topics:
          - Checks
        ---

        """;

    private static List<JsonObject> Lines(StringWriter output) =>
        [.. output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonNode.Parse(line)!.AsObject())];

    private string Write(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    private string Copy(string source, string name)
    {
        var path = Path.Combine(_folder, name);
        File.Copy(source, path);
        return path;
    }
}
