using AdminPortal.Application.Accounts;
using AdminPortal.Application.Audit;
using AdminPortal.Application.Dashboard;
using AdminPortal.Application.Numbers;
using AdminPortal.Application.Releases;

namespace AdminPortal.Application.Tests.Tenancy;

/// <summary>
/// Every use case called by the owner of another account: refused as if the item did not exist (or STAFF_ONLY for
/// staff work), with nothing changed; the same call by the account's own owner (or a reviewer) goes through.
/// </summary>
public sealed class TenancyMatrixTests
{
    private static readonly Dictionary<string, UseCase> UseCases = new UseCase[]
    {
        new("GetNumber by id", Errors.NumberNotFound, StaffOnly: false, async (db, a, t) => await db.Get<GetNumber>().HandleAsync(a, NumberKey.ById(t.FreeNumberId), Ct)),
        new("GetNumber by E164", Errors.NumberNotFound, StaffOnly: false, async (db, a, t) => await db.Get<GetNumber>().HandleAsync(a, NumberKey.ByE164(t.AccountId, t.E164), Ct)),
        new("PreviewRelease", Errors.NumberNotFound, StaffOnly: false, async (db, a, t) => await db.Get<PreviewRelease>().HandleAsync(a, NumberKey.ById(t.FreeNumberId), Ct)),
        new("DetachAgent", Errors.NumberNotFound, StaffOnly: false, async (db, a, t) => await db.Get<DetachAgent>().HandleAsync(a, NumberKey.ById(t.AgentNumberId), "agt_1", Ct)),
        new("RequestRelease", Errors.NumberNotFound, StaffOnly: false, async (db, a, t) => await db.Get<RequestRelease>().HandleAsync(a, NumberKey.ById(t.FreeNumberId), Cast.Reason, Ct)),
        new("RequestRelease by E164", Errors.NumberNotFound, StaffOnly: false, async (db, a, t) => await db.Get<RequestRelease>().HandleAsync(a, NumberKey.ByE164(t.AccountId, t.E164), Cast.Reason, Ct)),
        new("WithdrawRequest", Errors.RequestNotFound, StaffOnly: false, async (db, a, t) => await db.Get<WithdrawRequest>().HandleAsync(a, t.PendingRequestId, Ct)),
        new("ApproveRequest", Errors.StaffOnly, StaffOnly: true, async (db, a, t) => await db.Get<ApproveRequest>().HandleAsync(a, t.PendingRequestId, Ct)),
        new("RejectRequest", Errors.StaffOnly, StaffOnly: true, async (db, a, t) => await db.Get<RejectRequest>().HandleAsync(a, t.PendingRequestId, Cast.Note, Ct)),
        new("CancelRelease", Errors.NumberNotFound, StaffOnly: false, async (db, a, t) => await db.Get<CancelRelease>().HandleAsync(a, NumberKey.ById(t.ReleasedNumberId), Ct)),
        new("ListNumbers of the account", Errors.AccountNotFound, StaffOnly: false, async (db, a, t) => await db.Get<ListNumbers>().HandleAsync(a, new NumberFilter(AccountId: t.AccountId), new Paging(), Ct)),
        new("ListRequests of the account", Errors.AccountNotFound, StaffOnly: false, async (db, a, t) => await db.Get<ListRequests>().HandleAsync(a, new RequestFilter(AccountId: t.AccountId), new Paging(), Ct)),
        new("ListReleased of the account", Errors.AccountNotFound, StaffOnly: false, async (db, a, t) => await db.Get<ListReleased>().HandleAsync(a, t.AccountId, new Paging(), Ct)),
        new("QueryAudit of the account", Errors.AccountNotFound, StaffOnly: false, async (db, a, t) => await db.Get<QueryAudit>().HandleAsync(a, new AuditFilter(AccountId: t.AccountId), new Paging(), Ct)),
        new("ListReviewQueue", Errors.StaffOnly, StaffOnly: true, async (db, a, _) => await db.Get<ListReviewQueue>().HandleAsync(a, new Paging(), Ct)),
    }.ToDictionary(u => u.Name);

    public static TheoryData<string> AllUseCases => new(UseCases.Keys);

    public static TheoryData<string> NotFoundUseCases => new(UseCases.Values.Where(u => !u.StaffOnly).Select(u => u.Name));

    [Theory]
    [MemberData(nameof(AllUseCases))]
    public async Task An_owner_of_another_account_is_refused_and_nothing_changes(string useCase)
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db);
        var theirs = await Targets.ArrangeAsync(portal);
        var (_, code, _, call) = UseCases[useCase];

        await db.RefusesAsync(() => call(db, portal.Stranger, theirs), code);
    }

    [Theory]
    [MemberData(nameof(NotFoundUseCases))]
    public async Task The_refusal_reads_exactly_like_that_for_an_item_that_does_not_exist(string useCase)
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db);
        var theirs = await Targets.ArrangeAsync(portal);
        var call = UseCases[useCase].Call;

        var forTheirs = (await call(db, portal.Stranger, theirs)).Error!;
        var forMissing = (await call(db, portal.Stranger, Targets.Missing)).Error!;

        Assert.Equal(forMissing.Code, forTheirs.Code);
        Assert.Equal(forMissing.Fix, forTheirs.Fix);
        Assert.Equal(Targets.Missing.Mask(forMissing.Message), theirs.Mask(forTheirs.Message));
    }

    [Theory]
    [MemberData(nameof(AllUseCases))]
    public async Task The_same_call_by_the_accounts_own_owner_or_by_a_reviewer_goes_through(string useCase)
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db);
        var theirs = await Targets.ArrangeAsync(portal);
        var (_, _, staffOnly, call) = UseCases[useCase];

        (await call(db, staffOnly ? portal.Reviewer : portal.Owner, theirs)).Succeeded();
    }

    [Fact]
    public async Task Lists_without_an_account_filter_show_another_owner_only_its_own_items()
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db);
        await Targets.ArrangeAsync(portal);
        var own = await portal.NumberAsync(accountId: Cast.OtherAccountId);
        await portal.RequestAsync(own, by: portal.Stranger);
        var stranger = portal.Stranger;

        var numbers = (await db.Get<ListNumbers>().HandleAsync(stranger, new NumberFilter(), new Paging(), Ct)).Succeeded();
        var requests = (await db.Get<ListRequests>().HandleAsync(stranger, new RequestFilter(), new Paging(), Ct)).Succeeded();
        var released = (await db.Get<ListReleased>().HandleAsync(stranger, null, new Paging(), Ct)).Succeeded();
        var audit = (await db.Get<QueryAudit>().HandleAsync(stranger, new AuditFilter(), new Paging(), Ct)).Succeeded();
        var dashboard = (await db.Get<GetDashboard>().HandleAsync(stranger, Ct)).Succeeded();
        var accounts = await db.Get<ListAccounts>().HandleAsync(stranger, Ct);

        Assert.Equal([own.Id], numbers.Items.Select(n => n.Id));
        Assert.Equal([own.Id], requests.Items.Select(r => r.PhoneNumberId));
        Assert.Empty(released.Items);
        Assert.Equal([own.Id], audit.Items.Select(e => e.PhoneNumberId));
        Assert.Equal((1, 0), (dashboard.PendingCount, dashboard.Weeks.Sum(w => w.Releases)));
        Assert.Equal([Cast.OtherAccountId], accounts.Select(a => a.Id));
    }

    private sealed record UseCase(string Name, string Code, bool StaffOnly, Func<TestDatabase, Actor, Targets, Task<Result>> Call);
}

/// <summary>The items of <see cref="Cast.AccountId"/> the calls aim at, or ids that do not exist at all.</summary>
internal sealed record Targets(string AccountId, string FreeNumberId, string E164, string AgentNumberId, string PendingRequestId, string ReleasedNumberId)
{
    public static readonly Targets Missing = new("acc_missing0", "phn_missing0", "+19995550000", "phn_missing1", "rr_missing000", "phn_missing2");

    public static async Task<Targets> ArrangeAsync(Portal portal)
    {
        var free = await portal.NumberAsync("+14155551234");
        var withAgent = await portal.NumberAsync(shape: Portal.WithAgents("Support Bot"));
        var pending = await portal.RequestAsync(await portal.NumberAsync());
        var (released, _, _) = await portal.ReleasedNumberAsync();
        return new Targets(Cast.AccountId, free.Id, free.E164, withAgent.Id, pending.Id, released.Id);
    }

    /// <summary>The message with this target's ids replaced by their names, so that two messages compare by wording alone.</summary>
    public string Mask(string message) => new[]
    {
        (AccountId, "{account}"), (FreeNumberId, "{number}"), (E164, "{e164}"), (AgentNumberId, "{number}"),
        (PendingRequestId, "{request}"), (ReleasedNumberId, "{number}"),
    }.Aggregate(message, (text, id) => text.Replace(id.Item1, id.Item2, StringComparison.Ordinal));
}
