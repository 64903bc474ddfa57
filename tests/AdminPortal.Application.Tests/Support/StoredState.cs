using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Application.Tests.Support;

/// <summary>Every stored number (with its agents), every request and the number of audit events, read with a new context.</summary>
internal sealed record StoredState(string Numbers, string Requests, int AuditEvents)
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true };

    public static async Task<StoredState> CaptureAsync(TestDatabase db)
    {
        await using var ctx = db.NewContext();
        var numbers = await ctx.PhoneNumbers.AsNoTracking().Include(n => n.Agents).OrderBy(n => n.Id).ToListAsync(Ct);
        var requests = await ctx.ReleaseRequests.AsNoTracking().OrderBy(r => r.Id).ToListAsync(Ct);
        var audit = await ctx.AuditEvents.CountAsync(Ct);
        return new StoredState(JsonSerializer.Serialize(numbers, Options), JsonSerializer.Serialize(requests, Options), audit);
    }
}

internal static class Refusal
{
    /// <summary>Runs a call that must be refused with <paramref name="code"/>, and checks that it stored nothing at all.</summary>
    public static async Task<Error> RefusesAsync<T>(this TestDatabase db, Func<Task<Result<T>>> call, string code)
    {
        var before = await StoredState.CaptureAsync(db);

        var error = (await call()).Failed(code);

        Assert.Equal(before, await StoredState.CaptureAsync(db));
        return error;
    }

    public static async Task<Error> RefusesAsync(this TestDatabase db, Func<Task<Result>> call, string code)
    {
        var before = await StoredState.CaptureAsync(db);

        var error = (await call()).Failed(code);

        Assert.Equal(before, await StoredState.CaptureAsync(db));
        return error;
    }
}
