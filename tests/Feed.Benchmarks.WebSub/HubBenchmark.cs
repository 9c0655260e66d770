using System.Diagnostics;
using System.Globalization;
using System.Text;
using Azure.Data.Tables;
using Feed.Core.Storage;
using Feed.Server.Hosting;
using Feed.Testing.Storage;
using Feed.Testing.WebSub;
using Microsoft.Extensions.DependencyInjection;

namespace Feed.Benchmarks.WebSub;

/// <summary>
/// Upload → delivery latency against the same upload's "visible to a polling reader" time (the baseline: a reader
/// polling the feed every 20 ms could not learn of the article sooner), then one change fanned out to many
/// subscribers against one subscriber's delivery. The local host runs with its default settings (uploads looked at
/// every half second); the hub allows loopback callbacks and enough subscriptions per host for the fan-out.
/// </summary>
public static class HubBenchmark
{
    public static async Task RunAsync(int uploads, int subscribers, TextWriter output)
    {
        await using var host = new LocalHostFixture
        {
            ExtraSettings = new Dictionary<string, string?>
            {
                ["LocalHost:PollInterval"] = new LocalHostOptions().PollInterval.ToString("c", CultureInfo.InvariantCulture),
                ["WebSub:AllowPrivateCallbacks"] = "true",
                ["WebSub:MaxSubscriptionsPerCallbackHost"] = (subscribers + 10).ToString(CultureInfo.InvariantCulture),
                ["WebSub:MaxSubscriptionsPerTopic"] = (subscribers + 10).ToString(CultureInfo.InvariantCulture),
                ["WebSub:RequestsPerMinutePerClient"] = "1000000",
                ["WebSub:RequestsPerMinutePerCallbackHost"] = "1000000",
            },
        };
        await host.InitializeAsync();
        await using var subscriber = await TestSubscriber.StartAsync();
        var hub = new Uri(host.BaseUrl, "/api/websub");

        output.WriteLine($"{Environment.ProcessorCount} cores, load average {LoadAverage()}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        output.WriteLine();

        // Latency: one subscriber, one upload at a time.
        const string latencyFeed = "/api/feeds/topics/websub-latency.rss";
        await TopicArticles.UploadAndWaitAsync(host, "WebSub Latency", "Latency first", latencyFeed);
        await SubscribeAsync(host, subscriber, hub, latencyFeed, ["latency"]);
        var visible = new List<double>(uploads);
        var delivered = new List<double>(uploads);
        for (var i = 0; i < uploads; i++)
        {
            var title = $"Latency article {i}";
            var (name, text) = TopicArticles.Create("WebSub Latency", title);
            var started = Stopwatch.GetTimestamp();
            await host.UploadTextAsync(name, text);
            var seen = PollUntilVisibleAsync(host, latencyFeed, title, started);
            while (true)
            {
                var delivery = await subscriber.NextDeliveryAsync("latency", TimeSpan.FromSeconds(30));
                if (Encoding.UTF8.GetString(delivery.Body).Contains(title, StringComparison.Ordinal))
                {
                    delivered.Add(Stopwatch.GetElapsedTime(started).TotalSeconds);
                    break;
                }
            }

            visible.Add(await seen);
        }

        output.WriteLine($"### Upload → delivery, {uploads} uploads one after another, one subscriber");
        output.WriteLine();
        output.WriteLine("| | p50 | p90 | p99 | max |");
        output.WriteLine("| --- | ---: | ---: | ---: | ---: |");
        Row(output, "feed shows the article (polled every 20 ms; baseline)", visible);
        Row(output, "subscriber receives the feed", delivered);
        var ratios = visible.Zip(delivered, (v, d) => d / v).Order().ToList();
        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Delivery / visible, paired per upload: median {Percentile(ratios, 0.5):F2} ×, p90 {Percentile(ratios, 0.9):F2} ×."));
        output.WriteLine();

        // Fan-out: many subscribers of one topic, one change.
        const string fanFeed = "/api/feeds/topics/websub-fan-out.json";
        await TopicArticles.UploadAndWaitAsync(host, "WebSub Fan Out", "Fan-out first", fanFeed);
        var names = Enumerable.Range(0, subscribers).Select(i => $"fan-{i}").ToList();
        var subscribing = Stopwatch.StartNew();
        await SubscribeAsync(host, subscriber, hub, fanFeed, names);
        subscribing.Stop();
        var (fanName, fanText) = TopicArticles.Create("WebSub Fan Out", "Fan-out change");
        var fanStarted = Stopwatch.GetTimestamp();
        await host.UploadTextAsync(fanName, fanText);
        var times = await Task.WhenAll(names.Select(async name =>
        {
            var delivery = await subscriber.NextDeliveryAsync(name, TimeSpan.FromMinutes(5));
            return (Time: Stopwatch.GetElapsedTime(fanStarted).TotalSeconds, Ok: Encoding.UTF8.GetString(delivery.Body).Contains("Fan-out change", StringComparison.Ordinal));
        }));
        var fan = times.Select(t => t.Time).Order().ToList();
        output.WriteLine($"### Fan-out: one upload, {subscribers} subscribers of one topic (subscribing and verifying them took {subscribing.Elapsed.TotalSeconds:F1} s)");
        output.WriteLine();
        output.WriteLine("| | first | p50 | last | delivered |");
        output.WriteLine("| --- | ---: | ---: | ---: | ---: |");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| upload → delivery | {fan[0]:F3} s | {Percentile(fan, 0.5):F3} s | {fan[^1]:F3} s | {times.Count(t => t.Ok)} of {subscribers} |"));
        output.WriteLine();
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Time to the last of {subscribers} / one subscriber's median delivery above: {fan[^1] / Percentile(delivered.Order().ToList(), 0.5):F2} ×; {subscribers / (fan[^1] - fan[0]):N0} deliveries/s after the first."));
    }

    private static async Task SubscribeAsync(LocalHostFixture host, TestSubscriber subscriber, Uri hub, string feed, IReadOnlyList<string> names)
    {
        var topic = new Uri(host.BaseUrl, feed).AbsoluteUri;
        await Parallel.ForEachAsync(names, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (name, _) =>
        {
            using var response = await TestSubscriber.RequestAsync(host.Http, hub, "subscribe", topic, subscriber.Callback(name));
            if (response.StatusCode != System.Net.HttpStatusCode.Accepted)
            {
                throw new InvalidOperationException($"subscribing {name} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }
        });
        await Task.WhenAll(names.Select(name => subscriber.NextVerificationAsync(name, TimeSpan.FromMinutes(5))));
        var table = host.Services.GetRequiredService<SubscriptionStore>().Table;
        while (await table.QueryAsync<TableEntity>("RowKey ge 'p-' and RowKey lt 'p.'").AnyAsync())
        {
            await Task.Delay(50);
        }
    }

    private static async Task<double> PollUntilVisibleAsync(LocalHostFixture host, string feed, string title, long started)
    {
        while (true)
        {
            var body = await host.Http.GetStringAsync(feed);
            if (body.Contains(title, StringComparison.Ordinal))
            {
                return Stopwatch.GetElapsedTime(started).TotalSeconds;
            }

            await Task.Delay(20);
        }
    }

    private static void Row(TextWriter output, string name, List<double> values)
    {
        var sorted = values.Order().ToList();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {Percentile(sorted, 0.5):F3} s | {Percentile(sorted, 0.9):F3} s | {Percentile(sorted, 0.99):F3} s | {sorted[^1]:F3} s |"));
    }

    private static double Percentile(List<double> sorted, double p) => sorted[(int)Math.Round(p * (sorted.Count - 1))];

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
