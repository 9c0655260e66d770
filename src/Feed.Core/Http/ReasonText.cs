using System.Text;

namespace Feed.Core.Http;

/// <summary>
/// What a reason may repeat of the request: at most 40 characters, and only letters, digits and <c>-._~</c> as they
/// were; every other character is percent-encoded, so that no reason carries markup or control characters back.
/// </summary>
public static class ReasonText
{
    private const int MaxEchoed = 40;

    public static string Quote(string value)
    {
        var shortened = value.Length <= MaxEchoed ? value : value[..MaxEchoed];
        var quoted = new StringBuilder(shortened.Length + 8);
        Span<byte> bytes = stackalloc byte[4];
        foreach (var rune in shortened.EnumerateRunes())
        {
            if (rune.IsAscii && (Rune.IsLetterOrDigit(rune) || rune.Value is '-' or '.' or '_' or '~'))
            {
                quoted.Append((char)rune.Value);
                continue;
            }

            var length = rune.EncodeToUtf8(bytes);
            foreach (var b in bytes[..length])
            {
                quoted.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return value.Length <= MaxEchoed ? quoted.ToString() : quoted.Append("...").ToString();
    }
}
