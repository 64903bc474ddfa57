using AdminPortal.Domain.Audit;
using AdminPortal.Domain.Common;

namespace AdminPortal.Application.Common;

/// <summary>What a change did: its audit events, saved with it, and what the caller is shown.</summary>
public sealed record Change<TView>(IReadOnlyList<AuditEvent> Audit, TView View);

public static class Commit
{
    /// <summary>
    /// The skeleton of every use case that changes something: load what it changes within what the actor reaches,
    /// change it (recording the audit events), save the change and its events in one transaction, answer with the view.
    /// Any refusal, or a concurrent change to the same rows, stores nothing.
    /// </summary>
    public static async Task<Result<TView>> ChangeAsync<TItem, TView>(
        this IPortalDbFactory factory,
        Func<IPortalDbContext, Task<Result<TItem>>> load,
        Func<IPortalDbContext, TItem, Result<Change<TView>>> change,
        CancellationToken ct)
    {
        await using var db = await factory.CreateAsync(ct);
        var item = await load(db);
        if (!item.IsSuccess)
        {
            return item.Error;
        }

        var changed = change(db, item.Value);
        if (!changed.IsSuccess)
        {
            return changed.Error;
        }

        db.AuditEvents.AddRange(changed.Value.Audit);
        var saved = await db.CommitAsync(ct);
        return saved.Map(() => changed.Value.View);
    }

    /// <summary>
    /// The same, after any change of <paramref name="key"/> under way in this process has ended (<see cref="ChangeTurns"/>),
    /// so that it reads what that one left.
    /// </summary>
    public static async Task<Result<TView>> ChangeAsync<TItem, TView>(
        this IPortalDbFactory factory,
        ChangeTurns turns,
        string key,
        Func<IPortalDbContext, Task<Result<TItem>>> load,
        Func<IPortalDbContext, TItem, Result<Change<TView>>> change,
        CancellationToken ct)
    {
        using var turn = await turns.TakeAsync(key, ct);
        return await factory.ChangeAsync(load, change, ct);
    }

    /// <summary>A recorded change and the view it answers with.</summary>
    public static Result<Change<TView>> Showing<TView>(this Result<AuditEvent> recorded, Func<TView> view) =>
        recorded.Map(audit => new Change<TView>([audit], view()));
}
