using AdminPortal.Domain.Accounts;
using AdminPortal.Domain.Common;
using AdminPortal.Domain.Numbers;
using AdminPortal.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Testing;

/// <summary>Builds the state a test starts from, written straight to the database.</summary>
public sealed class Given(TestDatabase database)
{
    private int _sequence;

    public async Task<Actor> UserAsync(string email, params string[] roles)
    {
        await using var db = database.NewContext();
        var user = new PortalUser { Id = $"usr_{email}", UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(), SecurityStamp = Guid.NewGuid().ToString() };
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return Actor.Create(user.Id, email, roles);
    }

    /// <summary>A user made through Identity, with the cast's password and a role, as an accepted invitation leaves one.</summary>
    public async Task<Actor> MemberAsync(string email, string role)
    {
        await using var scope = database.Services.CreateAsyncScope();
        // The portal's roles, as the seeder makes them at start-up.
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var portalRole in PortalRoles.All.Where(r => !roles.Roles.Any(existing => existing.Name == r)))
        {
            Check(await roles.CreateAsync(new IdentityRole(portalRole)));
        }

        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = new PortalUser { UserName = email, Email = email, DisplayName = email.Split('@')[0], LockoutEnabled = true };
        Check(await users.CreateAsync(user, Cast.Password));
        Check(await users.AddToRoleAsync(user, role));
        return Actor.Create(user.Id, email, role);
    }

    public Task<Actor> OwnerAsync(string email = Cast.OwnerEmail) => UserAsync(email, PortalRoles.Owner);

    public Task<Actor> ReviewerAsync(string email = Cast.ReviewerEmail) => UserAsync(email, PortalRoles.Reviewer);

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }

    public async Task<Account> AccountAsync(string id, Actor? owner = null, ReleasePolicy policy = ReleasePolicy.ReviewRequired)
    {
        await using var db = database.NewContext();
        var account = new Account(id, $"Account {id}", policy);
        if (owner is not null)
        {
            account.AddOwner(owner.UserId);
        }

        db.Accounts.Add(account);
        await db.SaveChangesAsync();
        return account;
    }

    /// <summary>How the tests' numbers are provisioned unless told otherwise: <see cref="Cast.TrunkGroup"/>, <see cref="Cast.InboundRouting"/>, A2P pending (an approved one would need a second reviewer).</summary>
    public static readonly Func<PhoneNumber, PhoneNumber> Routed = n => n.Provision(Cast.TrunkGroup, Cast.InboundRouting, A2pStatus.Pending);

    /// <summary>
    /// An active number bought <paramref name="purchasedDaysAgo"/> days ago, provisioned by <paramref name="provision"/>
    /// (<see cref="Routed"/> unless given), then shaped further by <paramref name="shape"/>.
    /// </summary>
    public async Task<PhoneNumber> NumberAsync(
        string accountId,
        string? e164 = null,
        int purchasedDaysAgo = 365,
        Action<PhoneNumber>? shape = null,
        DateTime? purchasedAt = null,
        Func<PhoneNumber, PhoneNumber>? provision = null)
    {
        await using var db = database.NewContext();
        var sequence = Interlocked.Increment(ref _sequence);
        var number = new PhoneNumber(
            $"phn_test{sequence:D6}",
            accountId,
            E164.From(e164 ?? $"+1415700{sequence:D4}"),
            $"Line {sequence}",
            "US",
            NumberType.Local,
            "Telnyx",
            new Money(115),
            purchasedAt ?? database.Now.AddDays(-purchasedDaysAgo),
            database.Now.AddDays(10));
        (provision ?? Routed)(number);
        shape?.Invoke(number);
        db.PhoneNumbers.Add(number);
        await db.SaveChangesAsync();
        return number;
    }
}
