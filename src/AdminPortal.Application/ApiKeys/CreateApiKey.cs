using AdminPortal.Application.Common;
using AdminPortal.Domain.ApiKeys;
using AdminPortal.Domain.Audit;
using AdminPortal.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AdminPortal.Application.ApiKeys;

/// <summary>The "Api" configuration section, as far as keys go.</summary>
public sealed class ApiKeyOptions
{
    public const string Section = "Api";

    /// <summary>Active (not revoked) keys a user may hold at once.</summary>
    public int MaxActiveKeysPerUser { get; set; } = 10;
}

/// <summary>Issues a key for the actor; its secret is in the answer and nowhere else.</summary>
public sealed class CreateApiKey(IPortalDbFactory dbFactory, TimeProvider time, IOptions<ApiKeyOptions> options)
{
    public async Task<Result<IssuedApiKeyView>> HandleAsync(Actor actor, string? name, CancellationToken ct = default)
    {
        var issued = ApiKey.Issue(Ids.New("key_"), actor.UserId, name, time.UtcNow());
        if (!issued.IsSuccess)
        {
            return issued.Error;
        }

        await using var db = await dbFactory.CreateAsync(ct);
        var limit = options.Value.MaxActiveKeysPerUser;
        if (await db.ApiKeys.CountAsync(k => k.UserId == actor.UserId && k.RevokedAt == null, ct) >= limit)
        {
            return new Error(
                Errors.ApiKeyLimit,
                $"You already have {limit} active API keys, the most a user may hold",
                "Revoke a key you no longer use on the API keys page, then create the new one");
        }

        var (key, secret) = issued.Value;
        db.ApiKeys.Add(key);
        db.AuditEvents.Add(ApiKeyAudit.Of(actor, time.UtcNow(), AuditAction.ApiKeyCreated, key, $"Created the API key {key.Name}"));
        return (await db.CommitAsync(ct)).Map(() => new IssuedApiKeyView(ApiKeyView.Of(key), secret));
    }
}
