using Azure.Data.Tables;
using Feed.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Feed.Server.Tests.WebSub;

/// <summary>The hub's subscription requests still waiting for their verification of intent to be acted on.</summary>
public static class PendingVerifications
{
    /// <summary>Waits until the hub has acted on every verification (no pending request left), at most <paramref name="limit"/> (10 s by default).</summary>
    public static async Task WaitForNoneAsync(IServiceProvider services, TimeSpan? limit = null)
    {
        var table = services.GetRequiredService<SubscriptionStore>().Table;
        var wait = limit ?? TimeSpan.FromSeconds(10);
        var deadline = DateTime.UtcNow + wait;
        while (await table.QueryAsync<TableEntity>("RowKey ge 'p-' and RowKey lt 'p.'", cancellationToken: TestContext.Current.CancellationToken).AnyAsync(TestContext.Current.CancellationToken))
        {
            Assert.True(DateTime.UtcNow < deadline, $"the hub did not act on a verification within {wait.TotalSeconds:0} s");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }
}
