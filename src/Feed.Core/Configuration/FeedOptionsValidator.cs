using System.Text.RegularExpressions;
using Feed.Core.Http;
using Microsoft.Extensions.Options;

namespace Feed.Core.Configuration;

/// <summary>Refuses, at start, settings that would otherwise fail on every request or write nonsense into every feed.</summary>
public sealed partial class FeedOptionsValidator : IValidateOptions<FeedOptions>
{
    public ValidateOptionsResult Validate(string? name, FeedOptions options)
    {
        var failures = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.PublicBaseUrl)
            && (!Uri.TryCreate(options.PublicBaseUrl, UriKind.Absolute, out var baseUrl) || baseUrl.Scheme is not ("http" or "https")
                || !string.IsNullOrEmpty(baseUrl.UserInfo) || !string.IsNullOrEmpty(baseUrl.Query) || !string.IsNullOrEmpty(baseUrl.Fragment)))
        {
            failures.Add($"{FeedSettingNames.PublicBaseUrl} must be an absolute http or https URL without user, query or fragment, such as https://feeds.example.org");
        }

        if (!TrustedProxies.TryParse(options.KnownProxies, out _, out var proxyError))
        {
            failures.Add($"{FeedSettingNames.KnownProxies}: {proxyError}");
        }

        if (!LanguageTag().IsMatch(options.Language ?? ""))
        {
            failures.Add($"{FeedSettingNames.Language} must be a BCP 47 language tag such as en or en-GB");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    [GeneratedRegex("^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")]
    private static partial Regex LanguageTag();
}
