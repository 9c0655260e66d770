using Feed.Core.Http;

namespace Feed.Core.Tests.Http;

public sealed class HostAuthorityTests
{
    [Theory]
    [InlineData("feeds.example.org", true)]
    [InlineData("localhost:7801", true)]
    [InlineData("127.0.0.1:65535", true)]
    [InlineData("[::1]:8080", true)]
    [InlineData("[2001:db8::1]", true)]
    [InlineData("xn--bcher-kva.example", true)]
    [InlineData("evil.example:99999", false)]
    [InlineData("evil.example:0", false)]
    [InlineData("evil.example:-1", false)]
    [InlineData("evil.example:abc", false)]
    [InlineData("localhost:7801@evil.example", false)]
    [InlineData("user:pass@evil.example", false)]
    [InlineData("127.0.0.1:7801/../../x", false)]
    [InlineData("evil.example\\x", false)]
    [InlineData("evil..example", false)]
    [InlineData("[fe80::1%eth0]", false)]
    [InlineData("[::1]x", false)]
    [InlineData("bücher.example", false)]
    [InlineData("", false)]
    public void IsValid_Host_OnlyPlainHostAndPort(string host, bool expected)
    {
        Assert.Equal(expected, HostAuthority.IsValid(host));
    }
}
