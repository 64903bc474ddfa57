using AdminPortal.Application.Common;
using AdminPortal.Domain.Common;
using AdminPortal.Domain.Releases;
using Microsoft.Extensions.Options;

namespace AdminPortal.Application.Releases;

public sealed class PreviewRelease(IPortalDbFactory dbFactory, TimeProvider time, IOptions<ReleaseOptions> options)
{
    public async Task<Result<ReleasePreview>> HandleAsync(Actor actor, NumberKey key, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        return (await db.FindNumberAsync(actor, key, ct)).Map(number => ReleasePreview.Of(number, options.Value.Terms, time.UtcNow()));
    }
}
