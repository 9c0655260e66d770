using System.Net;
using System.Net.Sockets;
using System.Text;
using Feed.Core.WebSub;

namespace Feed.Core.Tests.WebSub;

public sealed class CallbackClientTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("challenge-1234", false, "challenge-1234")]
    [InlineData("", true, null)]
    public async Task GetAsync_AnswerBody_ReadUpToMaxResponseBytes(string body, bool endless, string? expected)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Token);
        var callback = AnswerAsync(listener, body, endless, stop.Token);
        var options = new WebSubOptions { AllowPrivateCallbacks = true, MaxResponseBytes = 1024, RequestTimeout = TimeSpan.FromSeconds(60) };
        using var client = new CallbackClient(options);

        var outcome = await client.GetAsync(new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/callback?hub.challenge=x"), Token);

        Assert.Equal((200, null), (outcome.Status, outcome.Failure));
        Assert.Equal(expected ?? new string('x', options.MaxResponseBytes), outcome.Body);
        await stop.CancelAsync();
        await callback;
    }

    /// <summary>Answers one request with <paramref name="body"/>, or with a chunked body of 'x' that never ends.</summary>
    private static async Task AnswerAsync(TcpListener listener, string body, bool endless, CancellationToken cancellationToken)
    {
        using var socket = await listener.AcceptSocketAsync(cancellationToken);
        await using var stream = new NetworkStream(socket, ownsSocket: false);
        var request = new byte[4096];
        var received = 0;
        while (!Encoding.ASCII.GetString(request, 0, received).Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            received += await stream.ReadAsync(request.AsMemory(received), cancellationToken);
        }

        var head = endless
            ? "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n"
            : $"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: {Encoding.UTF8.GetByteCount(body)}\r\n\r\n{body}";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head), cancellationToken);
        var chunk = Encoding.ASCII.GetBytes($"1000\r\n{new string('x', 0x1000)}\r\n");
        try
        {
            while (endless && !cancellationToken.IsCancellationRequested)
            {
                await stream.WriteAsync(chunk, cancellationToken);
            }
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException)
        {
            // The client stopped reading and closed the connection, or the test is over.
        }
    }
}
