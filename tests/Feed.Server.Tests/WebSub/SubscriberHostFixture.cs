using Feed.Testing.Storage;
using Feed.Testing.WebSub;

namespace Feed.Server.Tests.WebSub;

/// <summary>The local host with a test subscriber on loopback beside it; derived fixtures set the hub's settings.</summary>
public abstract class SubscriberHostFixture : LocalHostFixture
{
    public TestSubscriber Subscriber { get; private set; } = null!;

    public Uri Hub => new(BaseUrl, "/api/websub");

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
