namespace Feed.Core.Http;

/// <summary>The compression a response is sent with, chosen from the request's Accept-Encoding.</summary>
public enum ContentCoding
{
    Identity,
    Gzip,
    Brotli,
}
