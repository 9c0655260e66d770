using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Feed.Server.Azurite;

/// <summary>
/// Azurite, the storage emulator, started from the repository's <c>node_modules</c> and stopped with this object.
/// </summary>
public sealed class AzuriteProcess : IAsyncDisposable
{
    private Process _process;
    private int _servicesClosed;

    private AzuriteProcess(Process process, AzuriteEndpoints endpoints, string? location)
    {
        _process = process;
        Endpoints = endpoints;
        Location = location;
    }

    public AzuriteEndpoints Endpoints { get; }

    /// <summary>
    /// How long Azurite may take to listen. It starts in about a second on an idle machine, but far later on a loaded
    /// one (measured: over 30 s with a load average of 40 on two cores, while several test runs shared them).
    /// </summary>
    public static TimeSpan StartTimeout { get; } = TimeSpan.FromSeconds(120);

    /// <summary>The folder Azurite keeps its data in; null when it keeps them in memory.</summary>
    public string? Location { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>The processor time Azurite has used so far (benchmarks weigh what each side costs the emulator).</summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>
    /// Starts Azurite on <paramref name="endpoints"/> (free ports when null). Data goes to <paramref name="location"/>,
    /// or stays in memory when that is null.
    /// </summary>
    public static async Task<AzuriteProcess> StartAsync(
        AzuriteEndpoints? endpoints = null,
        string? location = null,
        CancellationToken cancellationToken = default)
    {
        endpoints ??= new AzuriteEndpoints(FreePort(), FreePort(), FreePort());
        AzuriteProcess? azurite = null;
        var process = await LaunchAsync(endpoints, location, line => azurite?.OnOutput(line), cancellationToken).ConfigureAwait(false);
        azurite = new AzuriteProcess(process, endpoints, location);
        return azurite;
    }

    /// <summary>
    /// Stops Azurite the way an operator would (SIGTERM, so that it saves its data), leaving its ports free until
    /// <see cref="RestartAsync"/>.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (_process.HasExited)
        {
            return;
        }

        using (var terminate = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await terminate.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }

        // Azurite saves its data as its services close; it may linger after that, so it is ended once all three say so.
        var deadline = Stopwatch.StartNew();
        while (!_process.HasExited && Volatile.Read(ref _servicesClosed) < 3 && deadline.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(20, cancellationToken).ConfigureAwait(false);
        }

        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Starts Azurite again (stopping it first if it runs) on the same ports and data folder; only an on-disk Azurite can.</summary>
    public async Task RestartAsync(CancellationToken cancellationToken = default)
    {
        if (Location is null)
        {
            throw new InvalidOperationException("an in-memory Azurite loses its data when stopped; start it with a location to restart it");
        }

        await StopAsync(cancellationToken).ConfigureAwait(false);
        _process.Dispose();
        Volatile.Write(ref _servicesClosed, 0);
        _process = await LaunchAsync(Endpoints, Location, OnOutput, cancellationToken).ConfigureAwait(false);
    }

    private void OnOutput(string? line)
    {
        if (line is not null && line.Contains("successfully closed", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _servicesClosed);
        }
    }

    private static async Task<Process> LaunchAsync(AzuriteEndpoints endpoints, string? location, Action<string?> output, CancellationToken cancellationToken)
    {
        var script = FindScript()
            ?? throw new FileNotFoundException("Azurite is not installed: run 'npm ci' in the repository root (it installs the version pinned in package.json).");

        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            script,
            "--blobHost", "127.0.0.1", "--blobPort", endpoints.BlobPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--queueHost", "127.0.0.1", "--queuePort", endpoints.QueuePort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--tableHost", "127.0.0.1", "--tablePort", endpoints.TablePort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--skipApiVersionCheck", "--disableProductStyleUrl", "--silent", "--loose", "--disableTelemetry",
        })
        {
            start.ArgumentList.Add(argument);
        }

        if (location is null)
        {
            start.ArgumentList.Add("--inMemoryPersistence");
        }
        else
        {
            Directory.CreateDirectory(location);
            start.ArgumentList.Add("--location");
            start.ArgumentList.Add(location);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start node");
        process.OutputDataReceived += (_, e) => output(e.Data);
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var deadline = Stopwatch.StartNew();
        while (!await IsListeningAsync(endpoints.BlobPort, cancellationToken).ConfigureAwait(false))
        {
            if (process.HasExited || deadline.Elapsed > StartTimeout)
            {
                var exitCode = process.HasExited ? process.ExitCode : -1;
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                }

                await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
                process.Dispose();
                throw new InvalidOperationException($"Azurite did not start on port {endpoints.BlobPort} (exit code {exitCode})");
            }

            await Task.Delay(50, cancellationToken).ConfigureAwait(false);
        }

        return process;
    }

    /// <summary>Whether something accepts connections on <paramref name="port"/> of the loopback address.</summary>
    public static async Task<bool> IsListeningAsync(int port, CancellationToken cancellationToken = default)
    {
        using var client = new TcpClient();
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(1));
            await client.ConnectAsync(IPAddress.Loopback, port, timeout.Token).ConfigureAwait(false);
            return true;
        }
        catch (Exception exception) when (exception is SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>The repository's Azurite script, looked for from the working folder and the program's folder upwards.</summary>
    public static string? FindScript()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                var script = Path.Combine(folder.FullName, "node_modules", "azurite", "dist", "src", "azurite.js");
                if (File.Exists(script))
                {
                    return script;
                }
            }
        }

        return null;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Stops Azurite (its data, if on disk, stays).</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }

        _process.Dispose();
    }
}
