using System.Net;
using Feed.Core.WebSub;

namespace Feed.Core.Tests.WebSub;

public sealed class CallbackAddressesTests
{
    [Theory]
    [InlineData("93.184.215.14", true)]
    [InlineData("8.8.8.8", true)]
    [InlineData("2606:4700::1111", true)]
    [InlineData("127.0.0.1", false)]
    [InlineData("127.8.9.10", false)]
    [InlineData("0.0.0.0", false)]
    [InlineData("10.0.0.1", false)]
    [InlineData("100.64.0.1", false)]
    [InlineData("169.254.169.254", false)]
    [InlineData("172.16.0.1", false)]
    [InlineData("172.31.255.255", false)]
    [InlineData("192.168.1.1", false)]
    [InlineData("192.0.2.1", false)]
    [InlineData("198.18.0.1", false)]
    [InlineData("224.0.0.1", false)]
    [InlineData("255.255.255.255", false)]
    [InlineData("::1", false)]
    [InlineData("::", false)]
    [InlineData("fe80::1", false)]
    [InlineData("fd12:3456::1", false)]
    [InlineData("ff02::1", false)]
    [InlineData("::ffff:10.0.0.1", false)]
    [InlineData("::ffff:8.8.8.8", true)]
    [InlineData("2001:db8::1", false)]
    [InlineData("64:ff9b::a00:1", false)]
    public void IsPublic_Address_OnlyPublicUnicast(string address, bool expected)
    {
        Assert.Equal(expected, CallbackAddresses.IsPublic(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("127.0.0.1", false, 0)]
    [InlineData("127.0.0.1", true, 1)]
    [InlineData("[::1]", false, 0)]
    [InlineData("8.8.8.8", false, 1)]
    public async Task ResolveAllowedAsync_Literal_FilteredBySetting(string host, bool allowPrivate, int expected)
    {
        var addresses = await CallbackAddresses.ResolveAllowedAsync(host, allowPrivate, TestContext.Current.CancellationToken);

        Assert.Equal(expected, addresses.Length);
    }
}
