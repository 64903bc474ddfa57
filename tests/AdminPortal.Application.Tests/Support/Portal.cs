using AdminPortal.Application.Releases;
using AdminPortal.Domain.Accounts;
using AdminPortal.Domain.Audit;
using AdminPortal.Domain.Numbers;
using AdminPortal.Domain.Releases;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Application.Tests.Support;

/// <summary>
/// The cast most tests start from: <see cref="Owner"/> owns <see cref="Cast.AccountId"/>, <see cref="Stranger"/>
/// owns <see cref="Cast.OtherAccountId"/>, and two reviewers and an admin work the queue. Numbers are built through
/// one <see cref="Given"/> so their ids never repeat.
/// </summary>
internal sealed class Portal
{
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
        var owner = await given.OwnerAsync(Cast.OwnerEmail);
        var stranger = await given.OwnerAsync(Cast.StrangerEmail);
        var reviewer = await given.ReviewerAsync(Cast.ReviewerEmail);
        var secondReviewer = await given.ReviewerAsync(Cast.SecondReviewerEmail);
        var admin = await given.UserAsync(Cast.AdminEmail, PortalRoles.Admin);
        await given.AccountAsync(Cast.AccountId, owner, policy);
        await given.AccountAsync(Cast.OtherAccountId, stranger);
        return new Portal(db, given, owner, stranger, reviewer, secondReviewer, admin);
    }

    /// <summary>An active number of <see cref="Cast.AccountId"/> (unless told otherwise) bought a year ago, with trunk group and routing.</summary>
    public Task<PhoneNumber> NumberAsync(
        string? e164 = null,
        Action<PhoneNumber>? shape = null,
        DateTime? purchasedAt = null,
        string accountId = Cast.AccountId,
        Func<PhoneNumber, PhoneNumber>? provision = null) =>
        _given.NumberAsync(accountId, e164, shape: shape, purchasedAt: purchasedAt, provision: provision);

    public static Action<PhoneNumber> WithAgents(params string[] names) =>
        n =>
        {
            foreach (var (name, i) in names.Select((name, i) => (name, i)))
            {
                n.AttachAgent(new AttachedAgent($"agt_{i + 1}", name));
            }
        };

    /// <summary>A second owner of <see cref="Cast.AccountId"/>.</summary>
    public async Task<Actor> CoOwnerAsync(string email = Cast.CoOwnerEmail)
    {
        var coOwner = await _given.OwnerAsync(email);
        await using var ctx = Db.NewContext();
        ctx.AccountMembers.Add(new AccountMember(Cast.AccountId, coOwner.UserId, AccountRole.Owner));
        await ctx.SaveChangesAsync(Ct);
        return coOwner;
    }

    public async Task<ReleaseRequestView> RequestAsync(PhoneNumber number, Actor? by = null, string reason = Cast.Reason) =>
        (await Db.Get<RequestRelease>().HandleAsync(by ?? Owner, NumberKey.ById(number.Id), reason, Ct)).Succeeded();

    public async Task<ReleaseView> ApproveAsync(string requestId, Actor? by = null) =>
        (await Db.Get<ApproveRequest>().HandleAsync(by ?? Reviewer, requestId, Ct)).Succeeded();

    /// <summary>A number requested by the owner and approved by the reviewer now.</summary>
    public async Task<(PhoneNumber Number, string RequestId, ReleaseView Outcome)> ReleasedNumberAsync(
        Action<PhoneNumber>? shape = null,
        DateTime? purchasedAt = null,
        string accountId = Cast.AccountId,
        Func<PhoneNumber, PhoneNumber>? provision = null)
    {
        var number = await NumberAsync(shape: shape, purchasedAt: purchasedAt, accountId: accountId, provision: provision);
        var request = await RequestAsync(number, accountId == Cast.AccountId ? Owner : Stranger);
        var outcome = await ApproveAsync(request.Id);
        return (number, request.Id, outcome);
    }

    public Task<PhoneNumber> LoadNumberAsync(string id) => Db.LoadNumberAsync(id);

    public Task<ReleaseRequest> LoadRequestAsync(string id) => Db.LoadRequestAsync(id);

    public Task<IReadOnlyList<ReleaseRequest>> RequestsForAsync(string numberId) => Db.RequestsForAsync(numberId);

    /// <summary>The audit trail in the order it was written.</summary>
    public Task<IReadOnlyList<AuditEvent>> AuditAsync() => Db.AuditAsync();

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
