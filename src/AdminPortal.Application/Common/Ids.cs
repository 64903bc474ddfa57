using System.Security.Cryptography;

namespace AdminPortal.Application.Common;

public static class Ids
{
    private const string Alphabet = "abcdefghijkmnpqrstuvwxyz23456789";

    /// <summary>A new public identifier such as <c>rr_f7w2kx5mb9qz</c>.</summary>
    public static string New(string prefix) => prefix + RandomNumberGenerator.GetString(Alphabet, 12);
}
