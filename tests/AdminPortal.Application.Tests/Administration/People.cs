using AdminPortal.Application.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Application.Tests.Administration;

/// <summary>Users made through Identity with their roles, as the seed or an accepted invitation makes them, and what is stored of them.</summary>
internal sealed class People(TestDatabase db)
{
    public static Task<People> CreateAsync(TestDatabase db) => Task.FromResult(new People(db));

    public Task<Actor> AddAsync(string email, string role) => db.Given().MemberAsync(email, role);

    public async Task<UserView> ViewAsync(string idOrEmail)
    {
        await using var session = await db.Services.GetRequiredService<IUserDirectory>().OpenAsync(Ct);
        return (await session.FindAsync(idOrEmail, Ct))!;
    }

    public async Task<string> StampAsync(string userId)
    {
        await using var context = db.NewContext();
        return await context.Users.Where(u => u.Id == userId).Select(u => u.SecurityStamp!).SingleAsync(Ct);
    }

    /// <summary>Users with their stamps and lockouts, memberships, accounts, outbox and audit count: "nothing changed" compares two of these.</summary>
    public async Task<string> EverythingAsync()
    {
        await using var context = db.NewContext();
        var users = await context.Users.AsNoTracking().OrderBy(u => u.Email)
            .Select(u => $"{u.Email}|{u.SecurityStamp}|{u.DisabledAt}|{u.PasswordHash != null}|{u.TwoFactorEnabled}").ToListAsync(Ct);
        var roles = await context.UserRoles.AsNoTracking().OrderBy(r => r.UserId).Select(r => r.UserId + r.RoleId).ToListAsync(Ct);
        var members = await context.AccountMembers.AsNoTracking().OrderBy(m => m.AccountId).ThenBy(m => m.UserId).Select(m => m.AccountId + m.UserId).ToListAsync(Ct);
        var accounts = await context.Accounts.AsNoTracking().OrderBy(a => a.Id).Select(a => $"{a.Id}|{a.Name}|{a.ReleasePolicy}").ToListAsync(Ct);
        var lockouts = (await context.Users.AsNoTracking().Select(u => u.LockoutEnd).ToListAsync(Ct)).Select(l => l?.ToString("O"));
        return string.Join("\n", [.. users, .. roles, .. members, .. accounts, .. lockouts, $"outbox {await context.OutboxMessages.CountAsync(Ct)}", $"audit {await context.AuditEvents.CountAsync(Ct)}"]);
    }

    /// <summary>Runs a call that must be refused with <paramref name="code"/> and checks that nothing at all changed.</summary>
    public async Task<Error> RefusesAsync<T>(Func<Task<Result<T>>> call, string code)
    {
        var before = await EverythingAsync();
        var error = (await call()).Failed(code);
        Assert.Equal(before, await EverythingAsync());
        return error;
    }
}
