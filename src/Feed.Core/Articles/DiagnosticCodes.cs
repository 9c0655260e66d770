namespace Feed.Core.Articles;

/// <summary>
/// Stable codes of every finding about an article file. Documented in docs/article-format.md; never renamed.
/// </summary>
public static class DiagnosticCodes
{
    public const string FileEmpty = "file.empty";
    public const string FileTooLarge = "file.too-large";
    public const string FileNotUtf8 = "file.not-utf8";
    public const string FileNotFound = "file.not-found";
    public const string FileNameUnreadable = "file.name-unreadable";
    public const string ReaderFailed = "reader.failed";
    public const string FrontMatterMissing = "front-matter.missing";
    public const string FrontMatterUnterminated = "front-matter.unterminated";
    public const string YamlInvalid = "yaml.invalid";
    public const string YamlNotMapping = "yaml.not-a-mapping";
    public const string YamlDuplicateKey = "yaml.duplicate-key";
    public const string YamlAlias = "yaml.alias";
    public const string YamlTooComplex = "yaml.too-complex";
    public const string FieldMissing = "field.missing";
    public const string FieldWrongType = "field.wrong-type";
    public const string FieldTooLong = "field.too-long";
    public const string FieldTooManyItems = "field.too-many-items";
    public const string FieldInvalidValue = "field.invalid-value";
    public const string FieldUnknown = "field.unknown";
    public const string DateInvalid = "date.invalid";
    public const string DateOutOfRange = "date.out-of-range";
    public const string DateWithoutTimeZone = "date.no-time-zone";
    public const string DateInFuture = "date.in-future";
    public const string UrlMissing = "url.missing";
    public const string UrlInvalid = "url.invalid";
    public const string UrlRelative = "url.relative";
    public const string UrlCredentialsRemoved = "url.credentials-removed";
    public const string DomainPortRemoved = "domain.port-removed";
    public const string DomainPathRemoved = "domain.path-removed";
    public const string TextControlCharacters = "text.control-characters";
    public const string TopicsMissing = "topics.missing";
    public const string TopicsNotAList = "topics.not-a-list";
    public const string ProviderMissing = "provider.missing";
}
