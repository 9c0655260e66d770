using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Channels;
using Feed.Server.Azurite;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Feed.Testing.WebSub;

/// <summary>
/// A WebSub subscriber written from the spec, for tests: a loopback HTTP server with any number of callbacks
/// (<c>/callback/{name}?id={name}</c>, a query string the hub must keep), answering verifications of intent and
/// recording every delivery. Each callback's answers can be set (refuse a verification, fail deliveries, 410).
/// </summary>
public sealed class TestSubscriber : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, CallbackState> _callbacks = new();
    private WebApplication? _app;

    public Uri BaseUrl { get; private set; } = new("http://127.0.0.1/");

    public static async Task<TestSubscriber> StartAsync()
    {
        var subscriber = new TestSubscriber();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        var port = AzuriteProcess.FreePort();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        app.MapGet("/callback/{name}", (string name, HttpRequest request) => subscriber.VerifyAsync(name, request));
        app.MapPost("/callback/{name}", (string name, HttpRequest request) => subscriber.ReceiveAsync(name, request));
        await app.StartAsync();
        subscriber._app = app;
        subscriber.BaseUrl = new Uri($"http://127.0.0.1:{port}/");
        return subscriber;
    }

    /// <summary>The URL of callback <paramref name="name"/>, with a query string of its own.</summary>
    public Uri Callback(string name) => new(BaseUrl, $"callback/{name}?id={name}");

    /// <summary>How callback <paramref name="name"/> answers verifications from now on.</summary>
    public void AnswerVerifications(string name, VerifyAnswer answer) => State(name).VerifyAnswer = answer;

    /// <summary>The statuses callback <paramref name="name"/> answers its next deliveries with, in order; 204 after them.</summary>
    public void AnswerDeliveries(string name, params int[] statuses)
    {
        foreach (var status in statuses)
        {
            State(name).DeliveryStatuses.Enqueue(status);
        }
    }

    /// <summary>Makes callback <paramref name="name"/> wait <paramref name="delay"/> before answering verifications (or until the hub gives up).</summary>
    public void DelayVerifications(string name, TimeSpan delay) => State(name).VerifyDelay = delay;

    public int DeliveryCount(string name) => State(name).DeliveryCount;

    public async Task<Verification> NextVerificationAsync(string name, TimeSpan? timeout = null) =>
        await NextAsync(State(name).Verifications.Reader, timeout, $"no verification of intent reached callback '{name}'");

    public async Task<Delivery> NextDeliveryAsync(string name, TimeSpan? timeout = null) =>
        await NextAsync(State(name).Deliveries.Reader, timeout, $"no delivery reached callback '{name}'");

    /// <summary>Fails if anything is delivered to <paramref name="name"/> within <paramref name="wait"/>.</summary>
    public async Task AssertNoDeliveryAsync(string name, TimeSpan wait)
    {
        using var timeout = new CancellationTokenSource(wait);
        try
        {
            var delivery = await State(name).Deliveries.Reader.ReadAsync(timeout.Token);
            Assert.Fail($"callback '{name}' got a delivery it should not have ({delivery.Body.Length} bytes)");
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>Whether <paramref name="delivery"/>'s X-Hub-Signature is the HMAC-SHA256 of its body with <paramref name="secret"/>.</summary>
    public static bool IsSignedWith(Delivery delivery, string secret) =>
        delivery.Signature is { } signature
        && signature.StartsWith("sha256=", StringComparison.Ordinal)
        && CryptographicOperations.FixedTimeEquals(
            Convert.FromHexString(signature["sha256=".Length..]),
            HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), delivery.Body));

    /// <summary>Sends a subscription request to <paramref name="hub"/> as a form POST, as a subscriber does.</summary>
    public static async Task<HttpResponseMessage> RequestAsync(HttpClient http, Uri hub, string mode, string topic, Uri callback, string? secret = null, int? leaseSeconds = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["hub.mode"] = mode,
            ["hub.topic"] = topic,
            ["hub.callback"] = callback.AbsoluteUri,
        };
        if (secret is not null)
        {
            fields["hub.secret"] = secret;
        }

        if (leaseSeconds is not null)
        {
            fields["hub.lease_seconds"] = leaseSeconds.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return await http.PostAsync(hub, new FormUrlEncodedContent(fields));
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    private CallbackState State(string name) => _callbacks.GetOrAdd(name, _ => new CallbackState());

    private async Task<IResult> VerifyAsync(string name, HttpRequest request)
    {
        var state = State(name);
        var query = request.Query.ToDictionary(q => q.Key, q => q.Value.ToString());
        var answer = state.VerifyAnswer;
        var status = answer == VerifyAnswer.Refuse ? StatusCodes.Status404NotFound : StatusCodes.Status200OK;
        state.Verifications.Writer.TryWrite(new Verification(query, status));
        if (state.VerifyDelay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(state.VerifyDelay, request.HttpContext.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return Results.Empty;
            }
        }

        return answer switch
        {
            VerifyAnswer.Refuse => Results.NotFound(),
            VerifyAnswer.WrongChallenge => Results.Text("not-the-challenge"),
            _ => Results.Text(query.GetValueOrDefault("hub.challenge") ?? ""),
        };
    }

    private async Task<IResult> ReceiveAsync(string name, HttpRequest request)
    {
        var state = State(name);
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body);
        var status = state.DeliveryStatuses.TryDequeue(out var next) ? next : StatusCodes.Status204NoContent;
        Interlocked.Increment(ref state.DeliveryCountField);
        state.Deliveries.Writer.TryWrite(new Delivery(
            body.ToArray(),
            request.ContentType,
            [.. request.Headers["Link"].Select(v => v ?? "")],
            request.Headers["X-Hub-Signature"].ToString() is { Length: > 0 } signature ? signature : null,
            status,
            DateTimeOffset.UtcNow));
        return Results.StatusCode(status);
    }

    private static async Task<T> NextAsync<T>(ChannelReader<T> reader, TimeSpan? timeout, string failure)
    {
        using var cancellation = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(20));
        try
        {
            return await reader.ReadAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException(failure);
        }
    }

    private sealed class CallbackState
    {
        public int DeliveryCountField;

        public VerifyAnswer VerifyAnswer { get; set; } = VerifyAnswer.EchoChallenge;

        public TimeSpan VerifyDelay { get; set; }

        public ConcurrentQueue<int> DeliveryStatuses { get; } = new();

        public Channel<Verification> Verifications { get; } = Channel.CreateUnbounded<Verification>();

        public Channel<Delivery> Deliveries { get; } = Channel.CreateUnbounded<Delivery>();

        public int DeliveryCount => Volatile.Read(ref DeliveryCountField);
    }
}
