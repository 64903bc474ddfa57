using System.Security.Cryptography;
using System.Text;
using AdminPortal.Domain.Common;

namespace AdminPortal.Domain.ApiKeys;

/// <summary>
/// A user's key for the HTTP API. Only a hash of the secret is kept; the secret is shown once when
/// the key is issued. A revoked key is kept, so the list still tells who had access and until when.
/// </summary>
public sealed class ApiKey
{
    public const string SecretPrefix = "nrp_";
    public const int ShownPrefixLength = 12;

    private ApiKey()
    {
    }

    public string Id { get; private set; } = null!;

    public string UserId { get; private set; } = null!;

    public string Name { get; private set; } = null!;

    /// <summary>The first characters of the secret, enough to recognise the key in a list.</summary>
    public string ShownPrefix { get; private set; } = null!;

    public string SecretHash { get; private set; } = null!;

    public DateTime CreatedAt { get; private set; }

    public DateTime? LastUsedAt { get; private set; }

    public DateTime? RevokedAt { get; private set; }

    public bool IsRevoked => RevokedAt is not null;

    /// <summary>A new key and its secret; <paramref name="secret"/> is given when the value is fixed (demo keys).</summary>
    public static Result<(ApiKey Key, string Secret)> Issue(string id, string userId, string? name, DateTime now, string? secret = null)
    {
        var checkedName = TextRule.KeyName.Check(name);
        if (!checkedName.IsSuccess)
        {
            return checkedName.Error with { Fix = "Name the key after the system that will use it, for example \"billing sync\"" };
        }

        secret ??= SecretPrefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var key = new ApiKey
        {
            Id = id,
            UserId = userId,
            Name = checkedName.Value,
            ShownPrefix = secret[..Math.Min(ShownPrefixLength, secret.Length)],
            SecretHash = Hash(secret),
            CreatedAt = now,
        };
        return (key, secret);
    }

    /// <summary>Secrets are 256 random bits, so a fast unsalted hash is enough to make the stored value useless.</summary>
    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public Result Revoke(DateTime now)
    {
        if (IsRevoked)
        {
            return new Error(Errors.ApiKeyRevoked, $"The key \"{Name}\" was already revoked", "Nothing to do: it no longer works");
        }

        RevokedAt = now;
        return Result.Success();
    }

    /// <summary>Notes a use; at most once a minute, so that busy keys do not write on every call.</summary>
    public bool MarkUsed(DateTime now)
    {
        if (LastUsedAt is { } last && now - last < TimeSpan.FromMinutes(1))
        {
            return false;
        }

        LastUsedAt = now;
        return true;
    }
}

public static class ApiKeyErrors
{
    public static Error Missing(string id) => new(Errors.ApiKeyNotFound, $"API key {id} was not found", "Open the API keys page to see your keys");
}
