namespace Feed.Testing.WebSub;

/// <summary>How the test subscriber answers a verification of intent.</summary>
public enum VerifyAnswer
{
    /// <summary>200 with the challenge: the subscriber wants it.</summary>
    EchoChallenge,

    /// <summary>404: the subscriber did not ask for it.</summary>
    Refuse,

    /// <summary>200 with something other than the challenge.</summary>
    WrongChallenge,
}
