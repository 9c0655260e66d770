using Feed.Core.Normalization;

namespace Feed.Core.Tests.Normalization;

public sealed class IsoDateTimeTests
{
    [Theory]
    [InlineData("2021-08-27T16:15:00Z", "2021-08-27T16:15:00.0000000+00:00", true)]
    [InlineData("2021-08-27t16:15:00z", "2021-08-27T16:15:00.0000000+00:00", true)]
    [InlineData("2021-08-27T18:15:00+02:00", "2021-08-27T16:15:00.0000000+00:00", true)]
    [InlineData("2021-08-27T11:45:00-0430", "2021-08-27T16:15:00.0000000+00:00", true)]
    [InlineData("2021-08-28 1:15:00 +9", "2021-08-27T16:15:00.0000000+00:00", true)]
    [InlineData("2021-08-27T16:15:00.123456789Z", "2021-08-27T16:15:00.1234567+00:00", true)]
    [InlineData("2021-08-27T16:15", "2021-08-27T16:15:00.0000000+00:00", false)]
    [InlineData("2021-08-27", "2021-08-27T00:00:00.0000000+00:00", false)]
    [InlineData("2020-02-29T00:00:00Z", "2020-02-29T00:00:00.0000000+00:00", true)]
    public void TryParse_IsoForm_ReadAsUtc(string text, string expected, bool hasTimeZone)
    {
        Assert.True(IsoDateTime.TryParse(text, out var value, out var zone));

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
        Assert.Equal(TimeSpan.Zero, value.Offset);
        Assert.Equal(hasTimeZone, zone);
    }

    [Theory]
    [InlineData("2021-02-30T00:00:00Z")]
    [InlineData("2021-02-29")]
    [InlineData("2021-13-01")]
    [InlineData("2021-08-27T24:00:00Z")]
    [InlineData("2021-08-27T16:60:00Z")]
    [InlineData("2021-08-27T16:15:00+15:00")]
    [InlineData("01/02/2021")]
    [InlineData("Fri, 27 Aug 2021 16:15:00 GMT")]
    [InlineData("2021-08-27T16:15:00Z garbage")]
    [InlineData("21-08-27")]
    [InlineData("")]
    public void TryParse_NotAnIsoDate_False(string text) =>
        Assert.False(IsoDateTime.TryParse(text, out _, out _));
}
