using AdminPortal.Application.Common;
using AdminPortal.Domain.ApiKeys;
using AdminPortal.Domain.Common;

namespace AdminPortal.Application.ApiKeys;

/// <summary>Issues a key for the actor; its secret is in the answer and nowhere else.</summary>
public sealed class CreateApiKey(IPortalDbFactory dbFactory, TimeProvider time)
{
    public async Task<Result<IssuedApiKeyView>> HandleAsync(Actor actor, string? name, CancellationToken ct = default)
    {
        var issued = ApiKey.Issue(Ids.New("key_"), actor.UserId, name, time.UtcNow());
        if (!issued.IsSuccess)
        {
            return issued.Error;
        }

        var (key, secret) = issued.Value;
        await using var db = await dbFactory.CreateAsync(ct);
        db.ApiKeys.Add(key);
        return (await db.CommitAsync(ct)).Map(() => new IssuedApiKeyView(ApiKeyView.Of(key), secret));
    }
}
