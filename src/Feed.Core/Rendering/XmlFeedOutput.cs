using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;

namespace Feed.Core.Rendering;

/// <summary>Writes a syndication formatter's output as UTF-8 without BOM, with the encoding declared.</summary>
internal static class XmlFeedOutput
{
    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = false,
        NamespaceHandling = NamespaceHandling.OmitDuplicates,
        CheckCharacters = true,
    };

    public static byte[] Write(SyndicationFeedFormatter formatter)
    {
        using var stream = new MemoryStream(16 * 1024);
        using (var writer = XmlWriter.Create(stream, Settings))
        {
            writer.WriteStartDocument();
            formatter.WriteTo(writer);
            writer.WriteEndDocument();
        }

        return stream.ToArray();
    }
}
