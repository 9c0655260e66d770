namespace Feed.Functions.Tests;

/// <summary>
/// The tests that share one Functions host (it takes seconds to start): they run one after another, so a test sees
/// the storage as the previous one left it and both hosts compare answers while nothing writes.
/// </summary>
[CollectionDefinition(Name)]
public sealed class FunctionsHostCollection : ICollectionFixture<FunctionsHostFixture>
{
    public const string Name = "Functions host";
}
