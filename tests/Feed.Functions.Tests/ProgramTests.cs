using System.Reflection;

namespace Feed.Functions.Tests;

[Collection(FunctionsHostCollection.Name)]
public sealed class ProgramTests(FunctionsHostFixture fixture)
{
    /// <summary>Every function the app declares: the constants of <see cref="FunctionNames"/>, the one list of them.</summary>
    public static IReadOnlyList<string> DeclaredFunctions { get; } =
        [.. typeof(FunctionNames).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.IsLiteral && field.FieldType == typeof(string))
            .Select(field => (string)field.GetRawConstantValue()!)
            .Order(StringComparer.Ordinal)];

    [Fact]
    public async Task Host_Started_LoadsEveryDeclaredFunction()
    {
        var host = fixture.Host;

        Assert.Equal(DeclaredFunctions, await host.FunctionNamesAsync(TestContext.Current.CancellationToken));
        foreach (var name in DeclaredFunctions)
        {
            Assert.Contains(host.Log, line => line.Trim() == $"Host.Functions.{name}");
        }
    }

    [Fact]
    public void Host_Started_StartsTheWorkerWithoutErrors()
    {
        var host = fixture.Host;

        Assert.Contains(host.Log, line => line.Contains("Worker process started and initialized.", StringComparison.Ordinal));
        Assert.Contains(host.Log, line => line.Contains("Job host started", StringComparison.Ordinal));
        Assert.True(host.ErrorLines.Count == 0, "errors in the host's log:\n" + string.Join('\n', host.ErrorLines) + "\n--- host log ---\n" + host.LogText());
    }

    [Fact]
    public async Task Host_Started_CreatedItsContainersAndReportsHealthy()
    {
        using var response = await fixture.Http.GetAsync(new Uri("api/health", UriKind.Relative), TestContext.Current.CancellationToken);
        var health = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("reachable", health["storage"]!.GetValue<string>());
        Assert.Equal("present", health["containers"]![FunctionsHostFixture.Options.UploadContainer]!.GetValue<string>());
        Assert.Equal("present", health["containers"]![FunctionsHostFixture.Options.DataContainer]!.GetValue<string>());
    }
}
