using Feed.Testing.WebSub;

namespace Feed.Functions.Tests.WebSub;

/// <summary>The Functions app on the real host with its hub allowed to call loopback callbacks, and a test subscriber.</summary>
public sealed class HubFunctionsHostFixture : FunctionsHostFixture
{
    public TestSubscriber Subscriber { get; private set; } = null!;

    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["WebSub__AllowPrivateCallbacks"] = "true",
    };

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        Subscriber = await TestSubscriber.StartAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        if (Subscriber is not null)
        {
            await Subscriber.DisposeAsync();
        }

        await base.DisposeAsync();
    }
}
