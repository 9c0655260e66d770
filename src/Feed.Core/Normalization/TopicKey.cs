using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Feed.Core.Normalization;

/// <summary>
/// The URL-safe key of a topic feed: a readable slug ("Économie &amp; Société" → <c>economie-societe</c>), with a short
/// hash of the name added where the slug alone would lose letters (so "人工智能" gets a key of its own).
/// </summary>
public static class TopicKey
{
    private const int MaxSlugLength = 80;

    /// <summary>The form two topic names share when they are the same topic: case- and space-insensitive.</summary>
    public static string Fold(string name) =>
        string.Join(' ', name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).Normalize(NormalizationForm.FormC).ToUpperInvariant();

    public static string Create(string name)
    {
        var folded = Fold(name);
        var slug = new StringBuilder(folded.Length);
        var lostLetters = false;
        var pendingDash = false;
        foreach (var c in folded.Normalize(NormalizationForm.FormD).ToLowerInvariant())
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                continue;
            }

            var ascii = c switch
            {
                >= 'a' and <= 'z' or >= '0' and <= '9' => c.ToString(),
                'æ' => "ae",
                'œ' => "oe",
                'ø' => "o",
                'ß' => "ss",
                'ł' => "l",
                'đ' => "d",
                'ð' => "d",
                'þ' => "th",
                'ı' => "i",
                _ => null,
            };
            if (ascii is null)
            {
                lostLetters |= char.IsLetterOrDigit(c);
                pendingDash = slug.Length > 0;
                continue;
            }

            if (pendingDash)
            {
                slug.Append('-');
                pendingDash = false;
            }

            slug.Append(ascii);
        }

        if (slug.Length > MaxSlugLength)
        {
            slug.Length = MaxSlugLength;
            lostLetters = true;
        }

        var readable = slug.ToString().TrimEnd('-');
        if (!lostLetters && readable.Length > 0)
        {
            return readable;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(folded)))[..10];
        return readable.Length == 0 ? $"topic-{hash}" : $"{readable}-{hash}";
    }
}
