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
        var found = await db.FindNumberAsync(actor, key, ct);
        return found.IsSuccess ? ReleasePreview.Of(found.Value, options.Value.Terms, time.UtcNow()) : found.Error;
    }
}
