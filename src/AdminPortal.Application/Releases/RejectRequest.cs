using AdminPortal.Application.Common;
using AdminPortal.Domain.Audit;
using AdminPortal.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Application.Releases;

/// <summary>A reviewer rejects a pending request with a note; the number stays active.</summary>
public sealed class RejectRequest(IPortalDbFactory dbFactory, TimeProvider time)
{
    public async Task<Result<ReleaseRequestView>> HandleAsync(Actor actor, string requestId, string? note, CancellationToken ct = default)
    {
        if (!actor.IsStaff)
        {
            return Errors.Staff();
        }

        var validNote = BoundedText.Validate(note, Errors.NoteLength, "note");
        if (!validNote.IsSuccess)
        {
            return validNote.Error;
        }

        await using var db = await dbFactory.CreateAsync(ct);
        var found = await db.FindRequestAndNumberAsync(actor, requestId, ct);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        var (request, number) = found.Value;
        var now = time.UtcNow();
        var audit = AuditEvent.Record(
            actor, now, AuditAction.ReleaseRejected, number, request, $"Rejected the release of {number.E164}: {validNote.Value}",
            () => request.Reject(actor, now, validNote.Value).Then(number.KeepActive));
        if (!audit.IsSuccess)
        {
            return audit.Error;
        }

        var saved = await db.SaveAsync(audit.Value, ct);
        return saved.IsSuccess ? ReleaseRequestView.Of(request) : saved.Error;
    }
}
