using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;

namespace Feed.Core.WebSub;

/// <summary>
/// The hub's only way out to subscribers: verification GETs and content POSTs, with connect and answer timeouts,
/// no redirects, at most <see cref="WebSubOptions.MaxResponseBytes"/> of any answer read, and connections only to
/// the addresses <see cref="CallbackAddresses"/> allows, checked on every connection.
/// </summary>
public sealed class CallbackClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly WebSubOptions _options;

    public CallbackClient(WebSubOptions options)
    {
        _options = options;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            UseProxy = false,
            AutomaticDecompression = DecompressionMethods.None,
            ConnectTimeout = options.ConnectTimeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            MaxConnectionsPerServer = Math.Max(1, options.DeliveryConcurrency),
            MaxResponseHeadersLength = 16,
            ConnectCallback = ConnectAsync,
        };
        _http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("Feed-WebSub-Hub", "1.0"));
    }

    public Task<CallbackOutcome> GetAsync(Uri url, CancellationToken cancellationToken = default) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Get, url), cancellationToken);

    /// <summary>POSTs <paramref name="body"/> as <paramref name="contentType"/> with the given extra headers.</summary>
    public Task<CallbackOutcome> PostAsync(Uri url, ReadOnlyMemory<byte> body, string contentType, IEnumerable<KeyValuePair<string, string>> headers, CancellationToken cancellationToken = default)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ReadOnlyMemoryContent(body) };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return SendAsync(request, cancellationToken);
    }

    private async Task<CallbackOutcome> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.ConnectTimeout + _options.RequestTimeout);
        try
        {
            using (request)
            using (var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false))
            {
                var body = await ReadStartAsync(response.Content, timeout.Token).ConfigureAwait(false);
                return new CallbackOutcome((int)response.StatusCode, body, null);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new CallbackOutcome(0, "", $"no answer within {(_options.ConnectTimeout + _options.RequestTimeout).TotalSeconds:0} s");
        }
        catch (HttpRequestException exception)
        {
            return new CallbackOutcome(0, "", exception.InnerException is CallbackRefusedException refused ? refused.Message : exception.HttpRequestError.ToString());
        }
    }

    private async Task<string> ReadStartAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var buffer = new byte[Math.Max(0, _options.MaxResponseBytes)];
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var read = 0;
            while (read < buffer.Length)
            {
                var n = await stream.ReadAsync(buffer.AsMemory(read), cancellationToken).ConfigureAwait(false);
                if (n == 0)
                {
                    break;
                }

                read += n;
            }

            return Encoding.UTF8.GetString(buffer, 0, read);
        }
    }

    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var addresses = await CallbackAddresses.ResolveAllowedAsync(context.DnsEndPoint.Host, _options.AllowPrivateCallbacks, cancellationToken).ConfigureAwait(false);
        if (addresses.Length == 0)
        {
            throw new CallbackRefusedException($"{context.DnsEndPoint.Host} has no public address");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public void Dispose() => _http.Dispose();
}
