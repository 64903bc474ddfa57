using AdminPortal.Application.Releases;
using AdminPortal.Domain.Accounts;
using AdminPortal.Domain.Audit;
using AdminPortal.Domain.Numbers;
using AdminPortal.Domain.Releases;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Application.Tests.Support;

/// <summary>
/// The people most tests start from: <see cref="Owner"/> owns <see cref="AccountId"/>, <see cref="Stranger"/>
/// owns another account, and two reviewers and an admin work the queue. Numbers are built through one
/// <see cref="Given"/> so their ids never repeat.
/// </summary>
internal sealed class Portal
{
    public const string AccountId = "acc_123abc";
    public const string OtherAccountId = "acc_999xyz";
    public const string TrunkGroup = "tg-test-1";
    public const string InboundRouting = "sip:line@test.example";

    private readonly Given _given;

    private Portal(TestDatabase db, Given given, Actor owner, Actor stranger, Actor reviewer, Actor secondReviewer, Actor admin)
    {
        Db = db;
        _given = given;
        Owner = owner;
        Stranger = stranger;
        Reviewer = reviewer;
        SecondReviewer = secondReviewer;
        Admin = admin;
    }

    public TestDatabase Db { get; }

    public Actor Owner { get; }

    public Actor Stranger { get; }

    public Actor Reviewer { get; }

    public Actor SecondReviewer { get; }

    public Actor Admin { get; }

    public Given Given => _given;

    public static async Task<Portal> CreateAsync(TestDatabase db, ReleasePolicy policy = ReleasePolicy.ReviewRequired)
    {
        var given = db.Given();
        var owner = await given.OwnerAsync("owner@example.com");
        var stranger = await given.OwnerAsync("stranger@example.com");
        var reviewer = await given.ReviewerAsync("reviewer@example.com");
        var secondReviewer = await given.ReviewerAsync("second.reviewer@example.com");
        var admin = await given.UserAsync("admin@example.com", PortalRoles.Admin);
        await given.AccountAsync(AccountId, owner, policy);
        await given.AccountAsync(OtherAccountId, stranger);
        return new Portal(db, given, owner, stranger, reviewer, secondReviewer, admin);
    }

    /// <summary>An active number of <see cref="AccountId"/> (unless told otherwise) bought a year ago, with trunk group and routing.</summary>
    public Task<PhoneNumber> NumberAsync(
        string? e164 = null,
        Action<PhoneNumber>? shape = null,
        DateTime? purchasedAt = null,
        string accountId = AccountId) =>
        _given.NumberAsync(accountId, e164, shape: shape, purchasedAt: purchasedAt);

    public static Action<PhoneNumber> WithAgents(params string[] names) =>
        n => n.Configure(TrunkGroup, InboundRouting, A2pStatus.Approved,
            agents: names.Select((name, i) => new AttachedAgent($"agt_{i + 1}", name)).ToList());

    /// <summary>A second owner of <see cref="AccountId"/>.</summary>
    public async Task<Actor> CoOwnerAsync(string email = "co.owner@example.com")
    {
        var coOwner = await _given.OwnerAsync(email);
        await using var ctx = Db.NewContext();
        ctx.AccountMembers.Add(new AccountMember(AccountId, coOwner.UserId, AccountRole.Owner));
        await ctx.SaveChangesAsync(Ct);
        return coOwner;
    }

    public async Task<ReleaseRequestView> RequestAsync(PhoneNumber number, Actor? by = null, string reason = Texts.Reason) =>
        (await Db.Get<RequestRelease>().HandleAsync(by ?? Owner, NumberKey.ById(number.Id), reason, Ct)).Succeeded();

    public async Task<ReleaseOutcome> ApproveAsync(string requestId, Actor? by = null) =>
        (await Db.Get<ApproveRequest>().HandleAsync(by ?? Reviewer, requestId, Ct)).Succeeded();

    /// <summary>A number requested by the owner and approved by the reviewer now.</summary>
    public async Task<(PhoneNumber Number, string RequestId, ReleaseOutcome Outcome)> ReleasedNumberAsync(
        Action<PhoneNumber>? shape = null,
        DateTime? purchasedAt = null,
        string accountId = AccountId)
    {
        var number = await NumberAsync(shape: shape, purchasedAt: purchasedAt, accountId: accountId);
        var request = await RequestAsync(number, accountId == AccountId ? Owner : Stranger);
        var outcome = await ApproveAsync(request.Id);
        return (number, request.Id, outcome);
    }

    public async Task<PhoneNumber> LoadNumberAsync(string id)
    {
        await using var ctx = Db.NewContext();
        return await ctx.PhoneNumbers.AsNoTracking().Include(n => n.Agents).SingleAsync(n => n.Id == id, Ct);
    }

    public async Task<ReleaseRequest> LoadRequestAsync(string id)
    {
        await using var ctx = Db.NewContext();
        return await ctx.ReleaseRequests.AsNoTracking().SingleAsync(r => r.Id == id, Ct);
    }

    public async Task<IReadOnlyList<ReleaseRequest>> RequestsForAsync(string numberId)
    {
        await using var ctx = Db.NewContext();
        return await ctx.ReleaseRequests.AsNoTracking().Where(r => r.PhoneNumberId == numberId).OrderBy(r => r.RequestedAt).ToListAsync(Ct);
    }

    /// <summary>The audit trail in the order it was written.</summary>
    public async Task<IReadOnlyList<AuditEvent>> AuditAsync()
    {
        await using var ctx = Db.NewContext();
        return await ctx.AuditEvents.AsNoTracking().OrderBy(e => e.Id).ToListAsync(Ct);
    }

    /// <summary>Changes a number outside the portal's use cases, as the voice platform would (an agent attached, a call started).</summary>
    public async Task ChangeNumberAsync(string id, Action<PhoneNumber> change)
    {
        await using var ctx = Db.NewContext();
        var number = await ctx.PhoneNumbers.Include(n => n.Agents).SingleAsync(n => n.Id == id, Ct);
        change(number);
        await ctx.SaveChangesAsync(Ct);
    }

    public async Task InsertAsync(params PhoneNumber[] numbers)
    {
        await using var ctx = Db.NewContext();
        ctx.PhoneNumbers.AddRange(numbers);
        await ctx.SaveChangesAsync(Ct);
    }
}
