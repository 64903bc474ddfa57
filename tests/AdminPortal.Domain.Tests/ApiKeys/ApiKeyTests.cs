using AdminPortal.Domain.ApiKeys;
using AdminPortal.Domain.Common;

namespace AdminPortal.Domain.Tests.ApiKeys;

public sealed class ApiKeyTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void An_issued_key_has_an_nrp_secret_of_256_bits_and_stores_only_its_hash_and_prefix()
    {
        var (key, secret) = ApiKey.Issue("key_1", "usr_1", "  billing sync  ", Now).Value;

        Assert.StartsWith("nrp_", secret);
        Assert.Equal(4 + 64, secret.Length);
        Assert.Equal("billing sync", key.Name);
        Assert.Equal(secret[..12], key.ShownPrefix);
        Assert.Equal(ApiKey.Hash(secret), key.SecretHash);
        Assert.DoesNotContain(secret, key.SecretHash);
    }

    [Fact]
    public void Two_issued_keys_never_share_a_secret()
    {
        var first = ApiKey.Issue("key_1", "usr_1", "a", Now).Value.Secret;
        var second = ApiKey.Issue("key_2", "usr_1", "a", Now).Value.Secret;

        Assert.NotEqual(first, second);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void A_key_without_a_name_is_refused_with_API_KEY_NAME_LENGTH(string? name)
    {
        var issued = ApiKey.Issue("key_1", "usr_1", name, Now);

        Assert.Equal(Errors.ApiKeyNameLength, issued.Error?.Code);
    }

    [Fact]
    public void A_name_of_100_characters_is_accepted_and_101_refused()
    {
        Assert.True(ApiKey.Issue("key_1", "usr_1", new string('n', 100), Now).IsSuccess);
        Assert.Equal(Errors.ApiKeyNameLength, ApiKey.Issue("key_1", "usr_1", new string('n', 101), Now).Error?.Code);
    }

    [Fact]
    public void Revoking_a_revoked_key_is_refused_and_keeps_the_first_revocation_time()
    {
        var key = ApiKey.Issue("key_1", "usr_1", "ci", Now).Value.Key;

        Assert.True(key.Revoke(Now.AddHours(1)).IsSuccess);
        var again = key.Revoke(Now.AddHours(2));

        Assert.Equal(Errors.ApiKeyRevoked, again.Error?.Code);
        Assert.Equal(Now.AddHours(1), key.RevokedAt);
    }

    [Fact]
    public void Last_use_is_noted_at_most_once_a_minute()
    {
        var key = ApiKey.Issue("key_1", "usr_1", "ci", Now).Value.Key;

        Assert.True(key.MarkUsed(Now));
        Assert.False(key.MarkUsed(Now.AddSeconds(59)));
        Assert.True(key.MarkUsed(Now.AddSeconds(60)));
        Assert.Equal(Now.AddSeconds(60), key.LastUsedAt);
    }
}
