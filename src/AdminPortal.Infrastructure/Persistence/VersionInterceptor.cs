using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AdminPortal.Infrastructure.Persistence;

/// <summary>
/// Raises the concurrency token (<c>Version</c>) of every entity saved with a change, including an owner whose owned
/// items changed (a number whose agents were detached), so that a save from a stale copy fails with a concurrency error.
/// </summary>
internal sealed class VersionInterceptor : SaveChangesInterceptor
{
    private const string Version = "Version";

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Raise(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Raise(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Raise(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        context.ChangeTracker.DetectChanges();
        var changed = context.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Modified or EntityState.Added or EntityState.Deleted)
            .ToList();
        var raised = new HashSet<EntityEntry>(ReferenceEqualityComparer.Instance);
        foreach (var entry in changed)
        {
            var versioned = entry.Metadata.IsOwned() ? OwnerOf(context, entry) : entry;
            if (versioned is { State: EntityState.Modified or EntityState.Unchanged } && versioned.Metadata.FindProperty(Version) is { IsConcurrencyToken: true } && raised.Add(versioned))
            {
                var token = versioned.Property(Version);
                token.CurrentValue = (int)token.OriginalValue! + 1;
            }
        }
    }

    private static EntityEntry? OwnerOf(DbContext context, EntityEntry owned)
    {
        var ownership = owned.Metadata.FindOwnership()!;
        var key = ownership.Properties.Select(p => owned.Property(p.Name).CurrentValue ?? owned.Property(p.Name).OriginalValue).ToArray();
        return context.ChangeTracker.Entries()
            .FirstOrDefault(e => e.Metadata == ownership.PrincipalEntityType
                && ownership.PrincipalKey.Properties.Select(p => e.Property(p.Name).CurrentValue).SequenceEqual(key));
    }
}
