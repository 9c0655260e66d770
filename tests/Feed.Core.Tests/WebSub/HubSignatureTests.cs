using System.Text;
using Feed.Core.WebSub;

namespace Feed.Core.Tests.WebSub;

public sealed class HubSignatureTests
{
    [Fact]
    public void Compute_KnownVector_IsSha256HmacInLowerHex()
    {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?".
        var signature = HubSignature.Compute("Jefe", Encoding.ASCII.GetBytes("what do ya want for nothing?"));

        Assert.Equal("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843", signature);
    }
}
