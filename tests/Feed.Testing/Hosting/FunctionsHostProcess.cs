using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using Feed.Server.Azurite;

namespace Feed.Testing.Hosting;

/// <summary>
/// The real Azure Functions host (<c>../shared/functions-host/run-host.sh</c>) running a built isolated-worker app
/// on a free port, as <c>func start</c> runs it: started, keyed (master key from the storage account) and Running.
/// </summary>
public sealed class FunctionsHostProcess : IAsyncDisposable
{
    /// <summary>
    /// The host id, fixed so that the host keeps its keys at a known place (<c>azure-webjobs-secrets/{id}/host.json</c>);
    /// by default the host derives it from the machine name and the app's path.
    /// </summary>
    public const string HostId = "feed-tests";

    private const string SecretsContainer = "azure-webjobs-secrets";

    private readonly Process _process;
    private readonly List<string> _log = [];

    private FunctionsHostProcess(Process process, Uri baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
        Http = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.None }) { BaseAddress = baseUrl };
    }

    public Uri BaseUrl { get; }

    /// <summary>A client for the host; it decompresses nothing, so tests see the bytes the host sent.</summary>
    public HttpClient Http { get; }

    /// <summary>The host's master key: it authorizes the admin API (<c>/admin/…</c>).</summary>
    public string MasterKey { get; private set; } = "";

    /// <summary>Every line the host and its worker printed so far.</summary>
    public IReadOnlyList<string> Log
    {
        get
        {
            lock (_log)
            {
                return [.. _log];
            }
        }
    }

    /// <summary>The log lines at Error or Critical level (the console logger starts them with <c>fail:</c> or <c>crit:</c>).</summary>
    public IReadOnlyList<string> ErrorLines => [.. Log.Where(line => line.StartsWith("fail:", StringComparison.Ordinal) || line.StartsWith("crit:", StringComparison.Ordinal))];

    /// <summary>
    /// Starts the host over <paramref name="appDirectory"/> with <paramref name="storageConnectionString"/> as
    /// <c>AzureWebJobsStorage</c> and <paramref name="settings"/> as app settings (<c>Feed__DataContainer</c> and the
    /// like), and returns once it reports Running. Throws with the host's log when it does not get there.
    /// </summary>
    public static async Task<FunctionsHostProcess> StartAsync(
        string appDirectory,
        string storageConnectionString,
        IReadOnlyDictionary<string, string>? settings = null,
        TimeSpan? timeout = null,
        CancellationToken cancellationToken = default)
    {
        var script = Path.Combine(RepositoryPaths.RequireFunctionsHost(), "run-host.sh");
        if (!File.Exists(Path.Combine(appDirectory, "functions.metadata")))
        {
            throw new FileNotFoundException($"the Functions app is not built at {appDirectory} (no functions.metadata): build src/Feed.Functions in that configuration");
        }

        var port = AzuriteProcess.FreePort();
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(Path.GetFullPath(appDirectory));
        start.ArgumentList.Add(port.ToString(CultureInfo.InvariantCulture));
        start.ArgumentList.Add(storageConnectionString);
        start.ArgumentList.Add($"AzureFunctionsWebHost__hostid={HostId}");
        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
        {
            start.ArgumentList.Add($"{name}={value}");
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start bash");
        var host = new FunctionsHostProcess(process, new Uri($"http://localhost:{port}/"));
        process.OutputDataReceived += (_, e) => host.Append(e.Data);
        process.ErrorDataReceived += (_, e) => host.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(timeout ?? TimeSpan.FromSeconds(240));
            await host.WaitUntilRunningAsync(new BlobServiceClient(storageConnectionString), deadline.Token);
            return host;
        }
        catch (Exception exception) when (exception is OperationCanceledException or InvalidOperationException && !cancellationToken.IsCancellationRequested)
        {
            var log = host.LogText();
            await host.DisposeAsync();
            throw new InvalidOperationException($"the Functions host did not reach Running on port {port}: {exception.Message}\n--- host log ---\n{log}", exception);
        }
    }

    /// <summary>
    /// The key the host keeps under <paramref name="name"/> among its system keys (created on first use), e.g.
    /// <c>blobs_extension</c>, which authorizes the blob extension's Event Grid webhook.
    /// </summary>
    public async Task<string> SystemKeyAsync(string name, CancellationToken cancellationToken = default)
    {
        using var request = Admin(HttpMethod.Post, $"admin/host/systemkeys/{Uri.EscapeDataString(name)}");
        using var response = await Http.SendAsync(request, cancellationToken);
        if (response.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.Created))
        {
            throw new InvalidOperationException($"POST /admin/host/systemkeys/{name} answered {(int)response.StatusCode}");
        }

        var body = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken);
        return body?["value"]?.GetValue<string>() ?? throw new InvalidOperationException($"no value in the {name} system key answer");
    }

    /// <summary>The names of the functions the host found and loaded (<c>GET /admin/functions</c>).</summary>
    public async Task<IReadOnlyList<string>> FunctionNamesAsync(CancellationToken cancellationToken = default)
    {
        using var request = Admin(HttpMethod.Get, "admin/functions");
        using var response = await Http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        var functions = await response.Content.ReadFromJsonAsync<JsonArray>(cancellationToken) ?? [];
        return [.. functions.Select(f => f!["name"]!.GetValue<string>()).Order(StringComparer.Ordinal)];
    }

    /// <summary>
    /// Runs a non-HTTP function (a timer) now through the admin API (<c>POST /admin/functions/{name}</c>) and waits
    /// until the host logs that it finished; throws when it did not succeed.
    /// </summary>
    public async Task RunFunctionAsync(string name, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var from = LogLength;
        using var request = Admin(HttpMethod.Post, $"admin/functions/{Uri.EscapeDataString(name)}");
        request.Content = JsonContent.Create(new JsonObject { ["input"] = "" });
        using var response = await Http.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            throw new InvalidOperationException($"POST /admin/functions/{name} answered {(int)response.StatusCode}");
        }

        var outcome = await WaitForExecutionAsync(name, from, timeout, cancellationToken);
        if (!outcome.Contains("Succeeded", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{name} did not succeed: {outcome}\n--- host log ---\n{LogText(from)}");
        }
    }

    /// <summary>The number of log lines so far: a position to look for later lines from.</summary>
    public int LogLength
    {
        get
        {
            lock (_log)
            {
                return _log.Count;
            }
        }
    }

    /// <summary>
    /// Waits until the host logs the end of an execution of <paramref name="name"/> after log line
    /// <paramref name="from"/>, and returns that line (<c>Executed 'Functions.X' (Succeeded, Id=…)</c> or Failed).
    /// </summary>
    public async Task<string> WaitForExecutionAsync(string name, int from, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var marker = $"Executed 'Functions.{name}' (";
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < (timeout ?? TimeSpan.FromSeconds(60)))
        {
            var line = Log.Skip(from).FirstOrDefault(l => l.Contains(marker, StringComparison.Ordinal));
            if (line is not null)
            {
                return line.Trim();
            }

            if (_process.HasExited)
            {
                throw new InvalidOperationException($"the Functions host exited (code {_process.ExitCode})\n{LogText(from)}");
            }

            await Task.Delay(50, cancellationToken);
        }

        throw new TimeoutException($"no execution of {name} ended within {timeout ?? TimeSpan.FromSeconds(60)}\n--- host log ---\n{LogText(from)}");
    }

    /// <summary>The log from line <paramref name="from"/> on, as one text (for failure messages).</summary>
    public string LogText(int from = 0) => string.Join('\n', Log.Skip(from));

    /// <summary>A request to the admin API, authorized with the master key.</summary>
    public HttpRequestMessage Admin(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        request.Headers.Add("x-functions-key", MasterKey);
        return request;
    }

    /// <summary>Stops the host as an operator would (SIGTERM to the script, which stops the host and its worker).</summary>
    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (!_process.HasExited)
        {
            using (var terminate = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await terminate.WaitForExitAsync();
            }

            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try
            {
                await _process.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }

        _process.Dispose();
    }

    /// <summary>
    /// The host answers the admin API only with its master key, which it writes to storage once a request has
    /// carried any <c>x-functions-key</c>: knock with a bogus one, read the key, then poll the status until Running.
    /// </summary>
    private async Task WaitUntilRunningAsync(BlobServiceClient storage, CancellationToken cancellationToken)
    {
        var secrets = storage.GetBlobContainerClient(SecretsContainer).GetBlobClient($"{HostId}/host.json");
        string state = "not answering";
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"the host exited with code {_process.ExitCode}");
            }

            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                if (MasterKey.Length == 0)
                {
                    using var knock = new HttpRequestMessage(HttpMethod.Get, new Uri("admin/host/status", UriKind.Relative));
                    knock.Headers.Add("x-functions-key", "knock");
                    using var ignored = await Http.SendAsync(knock, cancellationToken);
                    if (await secrets.ExistsAsync(cancellationToken))
                    {
                        var keys = JsonNode.Parse((await secrets.DownloadContentAsync(cancellationToken)).Value.Content.ToString())!;
                        MasterKey = keys["masterKey"]!["value"]!.GetValue<string>();
                    }
                }
                else
                {
                    using var request = Admin(HttpMethod.Get, "admin/host/status");
                    using var response = await Http.SendAsync(request, cancellationToken);
                    var status = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken);
                    state = status?["state"]?.GetValue<string>() ?? $"HTTP {(int)response.StatusCode}";
                    if (state == "Running")
                    {
                        return;
                    }

                    if (state == "Error")
                    {
                        throw new InvalidOperationException($"the host is in state Error: {status?["errors"]?.ToJsonString()}");
                    }
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or Azure.RequestFailedException or System.Text.Json.JsonException)
            {
                state = exception.Message;
            }

            try
            {
                await Task.Delay(200, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                throw new OperationCanceledException($"last state: {state}");
            }
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.Add(line);
        }
    }
}
