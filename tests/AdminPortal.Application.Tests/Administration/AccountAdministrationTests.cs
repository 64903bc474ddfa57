using AdminPortal.Application.Accounts;
using AdminPortal.Application.ApiKeys;
using AdminPortal.Application.Messages;
using AdminPortal.Application.Releases;
using AdminPortal.Application.Users;
using AdminPortal.Domain.Accounts;
using AdminPortal.Domain.Audit;
using AdminPortal.Domain.Numbers;
using AdminPortal.Domain.Releases;
using AdminPortal.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Application.Tests.Administration;

/// <summary>Administrators open accounts, set their policy and owners; owners see their team; every change is audited.</summary>
public sealed class AccountAdministrationTests : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private People _people = null!;
    private Actor _admin = null!;
    private Actor _owner = null!;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _people = await People.CreateAsync(_db);
        _admin = await _people.AddAsync(Cast.AdminEmail, PortalRoles.Admin);
        _owner = await _people.AddAsync(Cast.OwnerEmail, PortalRoles.Owner);
        await _db.Given().AccountAsync(Cast.AccountId, _owner);
    }

    public async ValueTask DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task An_administrator_opens_an_account_and_a_bad_name_changes_nothing()
    {
        var opened = (await _db.Get<CreateAccount>().HandleAsync(_admin, "  Acme Asia ", ReleasePolicy.SelfService, Ct)).Succeeded();

        Assert.Equal(("Acme Asia", ReleasePolicy.SelfService, 0), (opened.Name, opened.ReleasePolicy, opened.Owners.Count));
        Assert.StartsWith("acc_", opened.Id);
        var audit = (await _db.AuditAsync()).Last();
        Assert.Equal((AuditAction.AccountCreated, opened.Id, $"account {opened.Id}"), (audit.Action, audit.AccountId, audit.Subject));
        await _people.RefusesAsync(() => _db.Get<CreateAccount>().HandleAsync(_admin, "   ", ReleasePolicy.ReviewRequired, Ct), Errors.AccountNameLength);
        await _people.RefusesAsync(() => _db.Get<CreateAccount>().HandleAsync(_owner, "Mine", ReleasePolicy.SelfService, Ct), Errors.AdminOnly);
    }

    [Fact]
    public async Task Renaming_and_the_policy_are_audited_field_by_field_and_self_service_approves_the_owners_requests_at_once()
    {
        (await _db.Get<RenameAccount>().HandleAsync(_admin, Cast.AccountId, "Acme Voice EU", Ct)).Succeeded();
        (await _db.Get<SetReleasePolicy>().HandleAsync(_admin, Cast.AccountId, ReleasePolicy.SelfService, Ct)).Succeeded();

        var audit = (await _db.AuditAsync()).TakeLast(2).ToList();
        Assert.Equal([AuditAction.AccountRenamed, AuditAction.ReleasePolicyChanged], audit.Select(e => e.Action));
        Assert.Contains("\"name\":\"Acme Voice EU\"", audit[0].After);
        Assert.Contains("\"release_policy\":\"review_required\"", audit[1].Before);
        Assert.Contains("\"release_policy\":\"self_service\"", audit[1].After);

        var number = await _db.Given().NumberAsync(Cast.AccountId);
        var requested = (await _db.Get<RequestRelease>().HandleAsync(_owner, NumberKey.ById(number.Id), Cast.Reason, Ct)).Succeeded();
        Assert.Equal(ReleaseRequestStatus.Approved, requested.Status);
    }

    [Fact]
    public async Task An_added_owner_reaches_the_account_and_only_Owner_users_can_be_added()
    {
        var second = await _people.AddAsync(Cast.CoOwnerEmail, PortalRoles.Owner);
        var reviewer = await _people.AddAsync(Cast.ReviewerEmail, PortalRoles.Reviewer);

        var account = (await _db.Get<AddOwner>().HandleAsync(_admin, Cast.AccountId, Cast.CoOwnerEmail, Ct)).Succeeded();

        Assert.Equal([Cast.CoOwnerEmail, Cast.OwnerEmail], account.Owners.Select(o => o.Email));
        Assert.Equal([Cast.AccountId], (await _db.Get<ListAccounts>().HandleAsync(second, Ct)).Select(a => a.Id));
        Assert.Equal(AuditAction.OwnerAdded, (await _db.AuditAsync()).Last().Action);
        await _people.RefusesAsync(() => _db.Get<AddOwner>().HandleAsync(_admin, Cast.AccountId, reviewer.UserId, Ct), Errors.UserNotAnOwner);
        await _people.RefusesAsync(() => _db.Get<AddOwner>().HandleAsync(_admin, Cast.AccountId, "nobody@example.com", Ct), Errors.UserNotFound);
        await _people.RefusesAsync(() => _db.Get<AddOwner>().HandleAsync(_admin, "acc_nowhere", Cast.CoOwnerEmail, Ct), Errors.AccountNotFound);
    }

    [Fact]
    public async Task The_last_owner_of_an_account_with_active_numbers_goes_only_when_confirmed_and_staff_still_see_it()
    {
        var number = await _db.Given().NumberAsync(Cast.AccountId, "+14155550123");
        var reviewer = await _people.AddAsync(Cast.ReviewerEmail, PortalRoles.Reviewer);

        var error = await _people.RefusesAsync(() => _db.Get<RemoveOwner>().HandleAsync(_admin, Cast.AccountId, _owner.UserId, confirmed: false, Ct), Errors.LastOwner);
        Assert.Contains(number.E164, error.Message);

        var account = (await _db.Get<RemoveOwner>().HandleAsync(_admin, Cast.AccountId, _owner.UserId, confirmed: true, Ct)).Succeeded();
        Assert.Empty(account.Owners);
        Assert.Empty(await _db.Get<ListAccounts>().HandleAsync(_owner, Ct));
        Assert.Contains(await _db.Get<ListAccounts>().HandleAsync(reviewer, Ct), a => a.Id == Cast.AccountId);
        Assert.Equal(AuditAction.OwnerRemoved, (await _db.AuditAsync()).Last().Action);
    }

    [Fact]
    public async Task An_owner_sees_who_else_owns_each_of_their_accounts_and_nothing_of_other_accounts()
    {
        await _people.AddAsync(Cast.CoOwnerEmail, PortalRoles.Owner);
        var stranger = await _people.AddAsync(Cast.StrangerEmail, PortalRoles.Owner);
        await _db.Given().AccountAsync(Cast.OtherAccountId, stranger);
        (await _db.Get<AddOwner>().HandleAsync(_admin, Cast.AccountId, Cast.CoOwnerEmail, Ct)).Succeeded();

        var team = Assert.Single(await _db.Get<ListAccountDetails>().HandleAsync(_owner, Ct));

        Assert.Equal(Cast.AccountId, team.Id);
        Assert.Equal([Cast.CoOwnerEmail, Cast.OwnerEmail], team.Owners.Select(o => o.Email));
    }

    [Fact]
    public async Task Creating_and_revoking_an_API_key_join_the_audit_trail_without_the_secret()
    {
        var issued = (await _db.Get<CreateApiKey>().HandleAsync(_owner, "billing sync", Ct)).Succeeded();
        (await _db.Get<RevokeApiKey>().HandleAsync(_owner, issued.Key.Id, Ct)).Succeeded();

        var audit = (await _db.AuditAsync()).TakeLast(2).ToList();
        Assert.Equal([AuditAction.ApiKeyCreated, AuditAction.ApiKeyRevoked], audit.Select(e => e.Action));
        Assert.All(audit, e => Assert.Equal((Cast.OwnerEmail, $"API key {issued.Key.Id}"), (e.ActorName, e.Subject)));
        Assert.All(audit, e => Assert.DoesNotContain(issued.Secret, e.Before + e.After + e.Summary));
    }

    [Fact]
    public async Task Two_revocations_of_one_key_racing_end_with_one_revocation_and_one_audit_event()
    {
        for (var round = 0; round < 8; round++)
        {
            var issued = (await _db.Get<CreateApiKey>().HandleAsync(_owner, $"racing {round}", Ct)).Succeeded();
            var before = (await _db.AuditAsync()).Count;

            var results = await Race.RunAsync<Result<ApiKeyView>>(
            [
                () => _db.Get<RevokeApiKey>().HandleAsync(_owner, issued.Key.Id, Ct),
                () => _db.Get<RevokeApiKey>().HandleAsync(_owner, issued.Key.Id, Ct),
            ]);

            Assert.Single(results, r => r.IsSuccess);
            Assert.Contains(results.Single(r => !r.IsSuccess).Error!.Code, new[] { Errors.ConcurrentUpdate, Errors.ApiKeyRevoked });
            Assert.Equal(AuditAction.ApiKeyRevoked, Assert.Single((await _db.AuditAsync()).Skip(before)).Action);
            (await _db.Get<RevokeApiKey>().HandleAsync(_owner, issued.Key.Id, Ct)).Failed(Errors.ApiKeyRevoked);
        }
    }

    [Fact]
    public async Task An_invitation_in_the_outbox_shows_its_link_once_to_one_administrator()
    {
        await using (var scope = _db.Services.CreateAsyncScope())
        {
            var sender = scope.ServiceProvider.GetRequiredService<IEmailSender<PortalUser>>();
            await sender.SendConfirmationLinkAsync(new PortalUser { DisplayName = "New Owner" }, "new.owner@example.com", "https://portal.example/Account/Invitation?token=abc");
        }

        var second = await _people.AddAsync("second.admin@example.com", PortalRoles.Admin);
        var message = Assert.Single((await _db.Get<ListOutbox>().HandleAsync(_admin, new Paging(), Ct)).Succeeded().Items);
        Assert.True(message.HasLink);
        Assert.DoesNotContain("token=abc", message.Body);
        await _people.RefusesAsync(() => _db.Get<TakeOutboxLink>().HandleAsync(_owner, message.Id, Ct), Errors.AdminOnly);

        var taken = await Race.RunAsync<Result<string>>([() => _db.Get<TakeOutboxLink>().HandleAsync(_admin, message.Id, Ct), () => _db.Get<TakeOutboxLink>().HandleAsync(second, message.Id, Ct)]);

        Assert.Equal("https://portal.example/Account/Invitation?token=abc", Assert.Single(taken, t => t.IsSuccess).Value);
        Assert.Single(taken, t => !t.IsSuccess);
        await _people.RefusesAsync(() => _db.Get<TakeOutboxLink>().HandleAsync(_admin, message.Id, Ct), Errors.MessageNotFound);
        Assert.Equal(AuditAction.InvitationLinkShown, (await _db.AuditAsync()).Last().Action);
    }
}
