namespace Feed.Functions;

/// <summary>HTTP methods in the lower-case form the Functions host metadata uses.</summary>
public static class HttpMethodNames
{
    public const string Get = "get";

    public const string Head = "head";

    public const string Post = "post";
}
