using System.Diagnostics;
using Feed.Server.Azurite;
using Feed.Testing;
using Feed.Testing.Hosting;

namespace Feed.Server.Tests.Commands;

/// <summary>The <c>feed</c> command as a user runs it: failures end with a sentence, not a stack trace.</summary>
public sealed class ProgramTests
{
    [Fact]
    public async Task Upload_StorageUnreachable_ExitsOneWithAReason()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var unreachable = new AzuriteEndpoints(AzuriteProcess.FreePort(), AzuriteProcess.FreePort(), AzuriteProcess.FreePort()).ConnectionString;
        var start = new ProcessStartInfo("dotnet", [FeedServeProcess.Program, "upload", RepositoryPaths.SeedFile])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            Environment = { ["AzureWebJobsStorage"] = unreachable },
        };

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);

        Assert.Equal(1, process.ExitCode);
        var message = await error;
        Assert.StartsWith("feed upload: storage did not answer", message, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", message, StringComparison.Ordinal);
        Assert.DoesNotContain("Uploaded", await output, StringComparison.Ordinal);
    }
}
