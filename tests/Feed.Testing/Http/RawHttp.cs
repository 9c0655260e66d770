using System.Net.Sockets;
using System.Runtime.ExceptionServices;
using System.Text;

namespace Feed.Testing.Http;

/// <summary>
/// Sends a request exactly as written (no URL normalization, any method, any target) over a fresh loopback
/// connection, so that tests can send what HttpClient would clean up first.
/// </summary>
public static class RawHttp
{
    public static Task<RawHttpResponse> SendAsync(Uri baseUrl, string method, string target, IEnumerable<string>? headers = null, CancellationToken cancellationToken = default)
    {
        var request = new StringBuilder()
            .Append(method).Append(' ').Append(target).Append(" HTTP/1.1\r\n")
            .Append("Host: ").Append(baseUrl.Authority).Append("\r\n")
            .Append("Connection: close\r\n");
        foreach (var header in headers ?? [])
        {
            request.Append(header).Append("\r\n");
        }

        return SendRequestAsync(baseUrl, request.Append("\r\n").ToString(), cancellationToken);
    }

    /// <summary>Sends <paramref name="request"/> byte for byte (its request line, headers and blank line are the caller's).</summary>
    public static async Task<RawHttpResponse> SendRequestAsync(Uri baseUrl, string request, CancellationToken cancellationToken = default)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(baseUrl.Host, baseUrl.Port, cancellationToken);
        await using var stream = client.GetStream();
        var reading = ReadUntilClosedAsync(stream, cancellationToken);
        IOException? writeFailure = null;
        try
        {
            await stream.WriteAsync(Encoding.Latin1.GetBytes(request), cancellationToken);
        }
        catch (IOException exception)
        {
            // A server that refuses a request while it is still being sent answers, then closes: the answer is read below.
            writeFailure = exception;
        }

        var received = await reading;
        if (received.Length == 0 && writeFailure is not null)
        {
            ExceptionDispatchInfo.Throw(writeFailure);
        }

        var text = Encoding.UTF8.GetString(received);
        var headerEnd = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var head = headerEnd < 0 ? text : text[..headerEnd];
        var body = headerEnd < 0 ? "" : text[(headerEnd + 4)..];
        var lines = head.Split("\r\n");
        var statusLine = lines[0].Split(' ', 3);
        var parsed = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                parsed[line[..colon].Trim().ToLowerInvariant()] = line[(colon + 1)..].Trim();
            }
        }

        if (parsed.TryGetValue("transfer-encoding", out var encoding) && encoding.Contains("chunked", StringComparison.OrdinalIgnoreCase))
        {
            body = Unchunk(body);
        }

        return new RawHttpResponse(int.Parse(statusLine[1], System.Globalization.CultureInfo.InvariantCulture), statusLine.Length > 2 ? statusLine[2] : "", parsed, body);
    }

    private static async Task<byte[]> ReadUntilClosedAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        using var received = new MemoryStream();
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
            {
                received.Write(buffer, 0, read);
            }
        }
        catch (IOException) when (received.Length > 0)
        {
            // Reset after the answer: a server closing on a request it did not read to the end.
        }

        return received.ToArray();
    }

    private static string Unchunk(string body)
    {
        var result = new StringBuilder();
        var position = 0;
        while (position < body.Length)
        {
            var lineEnd = body.IndexOf("\r\n", position, StringComparison.Ordinal);
            if (lineEnd < 0)
            {
                break;
            }

            var size = Convert.ToInt32(body[position..lineEnd].Split(';')[0], 16);
            if (size == 0)
            {
                break;
            }

            result.Append(body, lineEnd + 2, size);
            position = lineEnd + 2 + size + 2;
        }

        return result.ToString();
    }
}
