using System.Diagnostics;
using System.Text;

namespace Feed.Testing.Hosting;

/// <summary>
/// The real <c>feed serve</c> process (<c>dotnet feed.dll serve --urls …</c>), as an operator runs it, so that a test
/// can kill it without warning (SIGKILL) and start it again.
/// </summary>
public sealed class FeedServeProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private FeedServeProcess(Process process, Uri baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    /// <summary>What the process printed, for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>The built <c>feed.dll</c>: the server project's own output, or the copy beside the tests.</summary>
    public static string Program
    {
        get
        {
            var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent?.Name ?? "Release";
            var built = Path.Combine(RepositoryPaths.Root, "src", "Feed.Server", "bin", configuration, "net10.0", "feed.dll");
            return File.Exists(built) ? built : Path.Combine(AppContext.BaseDirectory, "feed.dll");
        }
    }

    public static async Task<FeedServeProcess> StartAsync(
        string storageConnectionString,
        Uri baseUrl,
        IReadOnlyDictionary<string, string>? environment = null,
        CancellationToken cancellationToken = default)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { Program, "serve", "--urls", baseUrl.AbsoluteUri.TrimEnd('/') })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["AzureWebJobsStorage"] = storageConnectionString;
        start.Environment["LocalHost__PollInterval"] = "00:00:00.200";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
        var server = new FeedServeProcess(process, baseUrl);
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited || deadline.Elapsed > TimeSpan.FromSeconds(60))
            {
                await server.DisposeAsync();
                throw new InvalidOperationException($"feed serve did not come up on {baseUrl}:\n{server.Output}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri("api/health", UriKind.Relative), cancellationToken);
                return server;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(100, cancellationToken);
            }
        }
    }

    /// <summary>Kills the process at once (SIGKILL): no shutdown, nothing flushed.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
