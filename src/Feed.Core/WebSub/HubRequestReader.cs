using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Feed.Core.WebSub;

/// <summary>
/// Reads a subscriber's request (WebSub §5.1) from its form fields: <c>hub.mode</c>, <c>hub.callback</c>,
/// <c>hub.topic</c>, <c>hub.lease_seconds</c>, <c>hub.secret</c>. Unknown fields are ignored; every refusal has a reason.
/// </summary>
public static class HubRequestReader
{
    public const int MaxCallbackLength = 2048;

    /// <summary>WebSub §5.1: a secret MUST be less than 200 bytes.</summary>
    public const int MaxSecretBytes = 199;

    public static bool TryRead(IFormCollection form, Uri baseUrl, WebSubOptions options, out HubRequest request, out string error)
    {
        request = null!;
        HubMode mode;
        switch (Single(form, "hub.mode"))
        {
            case "subscribe":
                mode = HubMode.Subscribe;
                break;
            case "unsubscribe":
                mode = HubMode.Unsubscribe;
                break;
            case null:
                error = "hub.mode is missing: 'subscribe' or 'unsubscribe'";
                return false;
            default:
                error = "hub.mode must be 'subscribe' or 'unsubscribe' (this hub takes no publish pings: it knows when its feeds change)";
                return false;
        }

        var callbackText = Single(form, "hub.callback");
        if (string.IsNullOrEmpty(callbackText))
        {
            error = "hub.callback is missing: the URL the hub verifies and delivers to";
            return false;
        }

        if (callbackText.Length > MaxCallbackLength
            || !Uri.TryCreate(callbackText, UriKind.Absolute, out var callback)
            || callback.Scheme is not ("http" or "https"))
        {
            error = "hub.callback must be an absolute http or https URL";
            return false;
        }

        if (callback.UserInfo.Length > 0)
        {
            error = "hub.callback must not carry a user name or password";
            return false;
        }

        var requestedTopic = Single(form, "hub.topic");
        if (!TopicResolver.TryResolve(requestedTopic, baseUrl, out var topic, out error))
        {
            return false;
        }

        var lease = options.DefaultLease;
        if (Single(form, "hub.lease_seconds") is { Length: > 0 } leaseText)
        {
            if (!long.TryParse(leaseText, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds < 1)
            {
                error = "hub.lease_seconds must be a whole number of seconds, at least 1";
                return false;
            }

            lease = TimeSpan.FromSeconds(Math.Min(seconds, (long)options.MaxLease.TotalSeconds));
        }

        lease = lease < options.MinLease ? options.MinLease : lease > options.MaxLease ? options.MaxLease : lease;

        var secret = Single(form, "hub.secret");
        if (secret is not null && Encoding.UTF8.GetByteCount(secret) > MaxSecretBytes)
        {
            error = $"hub.secret must be less than 200 bytes (WebSub §5.1); this one has {Encoding.UTF8.GetByteCount(secret)}";
            return false;
        }

        request = new HubRequest(mode, callback, topic, requestedTopic!, lease) { Secret = string.IsNullOrEmpty(secret) ? null : secret };
        error = "";
        return true;
    }

    /// <summary>A field's value; a field given more than once counts as its first value.</summary>
    private static string? Single(IFormCollection form, string name) =>
        form.TryGetValue(name, out var values) && values.Count > 0 ? values[0] : null;
}
