using System.Globalization;
using Feed.Core.Configuration;

namespace Feed.Server.Tests.Http;

/// <summary>The seeded host with a head of 3 entries and archive pages of 4, so that the 13 seeds make archives.</summary>
public sealed class ArchivingHostFixture : SeededHostFixture
{
    public const int HeadSize = 3;
    public const int PageSize = 4;

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        [FeedSettingNames.HeadSize] = HeadSize.ToString(CultureInfo.InvariantCulture),
        [FeedSettingNames.ArchivePageSize] = PageSize.ToString(CultureInfo.InvariantCulture),
    };
}
