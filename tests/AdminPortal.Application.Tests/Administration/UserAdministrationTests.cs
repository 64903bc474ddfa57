using AdminPortal.Application.Users;
using AdminPortal.Domain.Audit;
using AdminPortal.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Application.Tests.Administration;

/// <summary>Administrators invite people and change what they may do: admins only, audited, and never leaving the portal without an administrator.</summary>
public sealed class UserAdministrationTests : IAsyncLifetime
{
    private const string NewPassword = "a passphrase of several words";

    private TestDatabase _db = null!;
    private People _people = null!;
    private Actor _admin = null!;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _people = await People.CreateAsync(_db);
        _admin = await _people.AddAsync(Cast.AdminEmail, PortalRoles.Admin);
        await _db.Given().AccountAsync(Cast.AccountId);
        await _db.Given().AccountAsync(Cast.OtherAccountId);
    }

    public async ValueTask DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Only_an_administrator_lists_invites_or_changes_users()
    {
        var reviewer = await _people.AddAsync(Cast.ReviewerEmail, PortalRoles.Reviewer);

        await _people.RefusesAsync(() => _db.Get<ListUsers>().HandleAsync(reviewer, new UserFilter(), new Paging(), Ct), Errors.AdminOnly);
        await _people.RefusesAsync(() => Invite(reviewer, "new.owner@example.com", PortalRoles.Owner), Errors.AdminOnly);
        await _people.RefusesAsync(() => _db.Get<DisableUser>().HandleAsync(reviewer, _admin.UserId, Ct), Errors.AdminOnly);
        await _people.RefusesAsync(() => _db.Get<ChangeUserRole>().HandleAsync(reviewer, reviewer.UserId, PortalRoles.Admin, Ct), Errors.AdminOnly);
    }

    [Fact]
    public async Task An_invited_owner_exists_at_once_without_a_password_owns_the_accounts_given_and_is_audited()
    {
        var invited = (await Invite(_admin, "  New.Owner@Example.com ", PortalRoles.Owner, Cast.AccountId)).Succeeded();

        Assert.Equal(("new.owner@example.com", PortalRoles.Owner, UserStatus.Invited), (invited.User.Email, invited.User.Role, invited.User.Status));
        Assert.Equal([Cast.AccountId], invited.User.AccountIds);
        Assert.False(string.IsNullOrEmpty(invited.Token));
        var audit = await _db.AuditAsync();
        Assert.Equal([AuditAction.UserInvited, AuditAction.OwnerAdded], audit.Select(e => e.Action).Order());
        Assert.Equal(Cast.AccountId, audit.Single(e => e.Action == AuditAction.OwnerAdded).AccountId);
        Assert.All(audit, e => Assert.Equal("user new.owner@example.com", e.Subject));
    }

    [Theory]
    [InlineData("not an address", PortalRoles.Owner, null, Errors.InvalidEmail)]
    [InlineData("a@b", PortalRoles.Owner, null, Errors.InvalidEmail)]
    [InlineData("new@example.com", "Superuser", null, Errors.InvalidRole)]
    [InlineData("new@example.com", PortalRoles.Reviewer, Cast.AccountId, Errors.InvalidParameter)]
    [InlineData("new@example.com", PortalRoles.Owner, "acc_nowhere", Errors.AccountNotFound)]
    [InlineData(Cast.AdminEmail, PortalRoles.Owner, null, Errors.EmailTaken)]
    public async Task A_bad_invitation_is_refused_with_its_code_and_changes_nothing(string email, string role, string? accountId, string code) =>
        await _people.RefusesAsync(() => Invite(_admin, email, role, accountId is null ? [] : [accountId]), code);

    [Fact]
    public async Task The_invitation_link_sets_the_first_password_once()
    {
        var invited = (await Invite(_admin, "new.owner@example.com", PortalRoles.Owner)).Succeeded();

        var accepted = (await _db.Get<AcceptInvitation>().HandleAsync(invited.User.Id, invited.Token, NewPassword, Ct)).Succeeded();

        Assert.Equal(UserStatus.Active, accepted.Status);
        Assert.True(await PasswordWorksAsync("new.owner@example.com", NewPassword));
        Assert.Equal(AuditAction.InvitationAccepted, (await _db.AuditAsync()).Last().Action);
        await _people.RefusesAsync(() => _db.Get<AcceptInvitation>().HandleAsync(invited.User.Id, invited.Token, "another passphrase here", Ct), Errors.InvitationInvalid);
    }

    [Fact]
    public async Task An_invitation_link_works_for_72_hours_and_not_a_second_longer()
    {
        var onTime = (await Invite(_admin, "on.time@example.com", PortalRoles.Reviewer)).Succeeded();
        var late = (await Invite(_admin, "late@example.com", PortalRoles.Reviewer)).Succeeded();

        _db.Clock.Advance(TimeSpan.FromHours(72));
        (await _db.Get<AcceptInvitation>().HandleAsync(onTime.User.Id, onTime.Token, NewPassword, Ct)).Succeeded();
        _db.Clock.Advance(TimeSpan.FromSeconds(1));

        await _people.RefusesAsync(() => _db.Get<AcceptInvitation>().HandleAsync(late.User.Id, late.Token, NewPassword, Ct), Errors.InvitationInvalid);
    }

    [Fact]
    public async Task A_new_invitation_ends_the_earlier_link()
    {
        var first = (await Invite(_admin, "again@example.com", PortalRoles.Owner)).Succeeded();

        var second = (await _db.Get<ResendInvitation>().HandleAsync(_admin, first.User.Id, Ct)).Succeeded();

        await _people.RefusesAsync(() => _db.Get<AcceptInvitation>().HandleAsync(first.User.Id, first.Token, NewPassword, Ct), Errors.InvitationInvalid);
        (await _db.Get<AcceptInvitation>().HandleAsync(second.User.Id, second.Token, NewPassword, Ct)).Succeeded();
        await _people.RefusesAsync(() => _db.Get<ResendInvitation>().HandleAsync(_admin, first.User.Id, Ct), Errors.NotInvited);
    }

    [Fact]
    public async Task A_short_password_is_refused_and_the_link_still_works()
    {
        var invited = (await Invite(_admin, "short@example.com", PortalRoles.Owner)).Succeeded();

        await _people.RefusesAsync(() => _db.Get<AcceptInvitation>().HandleAsync(invited.User.Id, invited.Token, "too short", Ct), Errors.WeakPassword);

        (await _db.Get<AcceptInvitation>().HandleAsync(invited.User.Id, invited.Token, NewPassword, Ct)).Succeeded();
    }

    [Fact]
    public async Task Each_change_to_a_user_renews_the_stamp_that_open_sessions_are_checked_against()
    {
        var reviewer = await _people.AddAsync(Cast.ReviewerEmail, PortalRoles.Reviewer);
        var changes = new (AuditAction Action, Func<Task<Result<UserView>>> Change)[]
        {
            (AuditAction.UserRoleChanged, () => _db.Get<ChangeUserRole>().HandleAsync(_admin, reviewer.UserId, PortalRoles.Owner, Ct)),
            (AuditAction.UserDisabled, () => _db.Get<DisableUser>().HandleAsync(_admin, reviewer.UserId, Ct)),
            (AuditAction.UserEnabled, () => _db.Get<EnableUser>().HandleAsync(_admin, reviewer.UserId, Ct)),
            (AuditAction.UserUnlocked, () => _db.Get<UnlockUser>().HandleAsync(_admin, reviewer.UserId, Ct)),
            (AuditAction.SecondFactorReset, () => _db.Get<ResetSecondFactor>().HandleAsync(_admin, reviewer.UserId, Ct)),
        };

        foreach (var (action, change) in changes)
        {
            var stamp = await _people.StampAsync(reviewer.UserId);
            (await change()).Succeeded();
            Assert.NotEqual(stamp, await _people.StampAsync(reviewer.UserId));
            var audit = (await _db.AuditAsync()).Last();
            Assert.Equal((action, Cast.AdminEmail, $"user {Cast.ReviewerEmail}"), (audit.Action, audit.ActorName, audit.Subject));
        }
    }

    [Fact]
    public async Task A_disabled_user_is_locked_out_until_enabled_and_unlocking_does_not_enable()
    {
        var owner = await _people.AddAsync(Cast.OwnerEmail, PortalRoles.Owner);

        Assert.Equal(UserStatus.Disabled, (await _db.Get<DisableUser>().HandleAsync(_admin, owner.UserId, Ct)).Succeeded().Status);
        Assert.True(await LockedOutAsync(owner.UserId));
        await _people.RefusesAsync(() => _db.Get<UnlockUser>().HandleAsync(_admin, owner.UserId, Ct), Errors.UserDisabled);

        Assert.Equal(UserStatus.Active, (await _db.Get<EnableUser>().HandleAsync(_admin, owner.UserId, Ct)).Succeeded().Status);
        Assert.False(await LockedOutAsync(owner.UserId));
    }

    [Fact]
    public async Task The_last_active_administrator_can_be_neither_demoted_nor_disabled()
    {
        var error = await _people.RefusesAsync(() => _db.Get<ChangeUserRole>().HandleAsync(_admin, _admin.UserId, PortalRoles.Reviewer, Ct), Errors.LastAdmin);
        await _people.RefusesAsync(() => _db.Get<DisableUser>().HandleAsync(_admin, _admin.UserId, Ct), Errors.LastAdmin);

        Assert.Contains(Cast.AdminEmail, error.Message);
        var second = await _people.AddAsync("second.admin@example.com", PortalRoles.Admin);
        (await _db.Get<ChangeUserRole>().HandleAsync(second, _admin.UserId, PortalRoles.Reviewer, Ct)).Succeeded();
    }

    [Fact]
    public async Task Two_admins_demoting_each_other_at_the_same_moment_leave_exactly_one_admin()
    {
        // Each round starts with two admins: the one left by the round before, and a new one.
        var survivor = _admin;
        for (var round = 0; round < 5; round++)
        {
            var (first, second) = (survivor, await _people.AddAsync($"admin{round}@example.com", PortalRoles.Admin));
            var demote = (Actor by, Actor whom) => _db.Get<ChangeUserRole>().HandleAsync(by, whom.UserId, PortalRoles.Reviewer, Ct);

            var results = await Race.RunAsync<Result<UserView>>([() => demote(first, second), () => demote(second, first)]);

            Assert.Single(results, r => r.IsSuccess);
            Assert.Equal(Errors.LastAdmin, Assert.Single(results, r => !r.IsSuccess).Error!.Code);
            survivor = results[0].IsSuccess ? first : second;
            var admins = (await _db.Get<ListUsers>().HandleAsync(survivor, new UserFilter(Role: PortalRoles.Admin), new Paging(), Ct)).Succeeded();
            Assert.Equal(survivor.UserId, Assert.Single(admins.Items).Id);
        }
    }

    [Fact]
    public async Task An_owner_keeps_the_owner_role_while_owning_accounts()
    {
        var invited = (await Invite(_admin, "owner.of.one@example.com", PortalRoles.Owner, Cast.AccountId)).Succeeded();

        var error = await _people.RefusesAsync(() => _db.Get<ChangeUserRole>().HandleAsync(_admin, invited.User.Id, PortalRoles.Reviewer, Ct), Errors.OwnerHasAccounts);

        Assert.Contains(Cast.AccountId, error.Message);
    }

    [Fact]
    public async Task Resetting_the_second_factor_forgets_the_authenticator_the_recovery_codes_and_the_passkeys()
    {
        var reviewer = await _people.AddAsync(Cast.ReviewerEmail, PortalRoles.Reviewer);
        await using (var scope = _db.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var user = (await users.FindByIdAsync(reviewer.UserId))!;
            await users.ResetAuthenticatorKeyAsync(user);
            await users.SetTwoFactorEnabledAsync(user, true);
            await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10);
        }

        Assert.True((await _people.ViewAsync(reviewer.UserId)).SecondFactor);

        Assert.False((await _db.Get<ResetSecondFactor>().HandleAsync(_admin, reviewer.UserId, Ct)).Succeeded().SecondFactor);
        await using var check = _db.Services.CreateAsyncScope();
        var manager = check.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var stored = (await manager.FindByIdAsync(reviewer.UserId))!;
        Assert.Null(await manager.GetAuthenticatorKeyAsync(stored));
        Assert.Equal(0, await manager.CountRecoveryCodesAsync(stored));
    }

    [Fact]
    public async Task Users_are_listed_by_role_account_status_and_search_a_page_at_a_time()
    {
        await _people.AddAsync(Cast.ReviewerEmail, PortalRoles.Reviewer);
        var owner = (await Invite(_admin, "owner.a@example.com", PortalRoles.Owner, Cast.AccountId)).Succeeded();
        await Invite(_admin, "owner.b@example.com", PortalRoles.Owner, Cast.OtherAccountId);
        (await _db.Get<DisableUser>().HandleAsync(_admin, owner.User.Id, Ct)).Succeeded();

        async Task<Page<UserView>> ListAsync(UserFilter filter, Paging? paging = null) =>
            (await _db.Get<ListUsers>().HandleAsync(_admin, filter, paging ?? new Paging(), Ct)).Succeeded();

        Assert.Equal(["owner.a@example.com", "owner.b@example.com"], (await ListAsync(new UserFilter(Role: PortalRoles.Owner))).Items.Select(u => u.Email));
        Assert.Equal(["owner.b@example.com"], (await ListAsync(new UserFilter(AccountId: Cast.OtherAccountId))).Items.Select(u => u.Email));
        Assert.Equal(["owner.a@example.com"], (await ListAsync(new UserFilter(Status: UserStatus.Disabled))).Items.Select(u => u.Email));
        Assert.Equal([Cast.ReviewerEmail], (await ListAsync(new UserFilter(Search: "REVIEW"))).Items.Select(u => u.Email));
        var page = await ListAsync(new UserFilter(), new Paging(Skip: 1, Take: 2));
        Assert.Equal((4, 2), (page.TotalCount!.Value, page.Items.Count));
    }

    private Task<Result<InvitationView>> Invite(Actor by, string email, string role, params string[] accountIds) =>
        _db.Get<InviteUser>().HandleAsync(by, email, null, role, accountIds, Ct);

    private async Task<bool> PasswordWorksAsync(string email, string password)
    {
        await using var scope = _db.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        return await users.CheckPasswordAsync((await users.FindByEmailAsync(email))!, password);
    }

    private async Task<bool> LockedOutAsync(string userId)
    {
        await using var scope = _db.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        return await users.IsLockedOutAsync((await users.FindByIdAsync(userId))!);
    }
}
