using AdminPortal.Application.Notifications;
using AdminPortal.Application.Releases;
using AdminPortal.Application.Webhooks;
using AdminPortal.Domain.Accounts;
using AdminPortal.Domain.Notifications;
using AdminPortal.Domain.Numbers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Application.Tests.Notifications;

/// <summary>
/// The people of the notification tests, made through Identity (owners of two accounts, two reviewers, an admin), with a
/// mail transport and a webhook sender that record what they are given and fail when told to.
/// </summary>
internal sealed class Newsroom
{
    private int _webhooks;

    private Newsroom(TestDatabase db, Actor owner, Actor coOwner, Actor stranger, Actor reviewer, Actor secondReviewer, Actor admin)
    {
        Db = db;
        Owner = owner;
        CoOwner = coOwner;
        Stranger = stranger;
        Reviewer = reviewer;
        SecondReviewer = secondReviewer;
        Admin = admin;
    }

    public TestDatabase Db { get; }

    public Actor Owner { get; }

    public Actor CoOwner { get; }

    public Actor Stranger { get; }

    public Actor Reviewer { get; }

    public Actor SecondReviewer { get; }

    public Actor Admin { get; }

    public RecordingMail Mail => (RecordingMail)Db.Services.GetRequiredService<IMailTransport>();

    public ScriptedWebhooks Webhooks => (ScriptedWebhooks)Db.Services.GetRequiredService<IWebhookSender>();

    public static async Task<Newsroom> CreateAsync(ReleasePolicy policy = ReleasePolicy.ReviewRequired, Action<IServiceCollection>? configure = null)
    {
        var db = await TestDatabase.CreateAsync(configure: services =>
        {
            services.AddSingleton<IMailTransport, RecordingMail>().AddSingleton<IWebhookSender, ScriptedWebhooks>();
            configure?.Invoke(services);
        });
        var given = db.Given();
        var owner = await given.MemberAsync(Cast.OwnerEmail, PortalRoles.Owner);
        var coOwner = await given.MemberAsync(Cast.CoOwnerEmail, PortalRoles.Owner);
        var stranger = await given.MemberAsync(Cast.StrangerEmail, PortalRoles.Owner);
        var reviewer = await given.MemberAsync(Cast.ReviewerEmail, PortalRoles.Reviewer);
        var secondReviewer = await given.MemberAsync(Cast.SecondReviewerEmail, PortalRoles.Reviewer);
        var admin = await given.MemberAsync(Cast.AdminEmail, PortalRoles.Admin);
        var account = await given.AccountAsync(Cast.AccountId, owner, policy);
        await using (var context = db.NewContext())
        {
            (await context.Accounts.Include(a => a.Members).SingleAsync(a => a.Id == account.Id, Ct)).AddOwner(coOwner.UserId);
            await context.SaveChangesAsync(Ct);
        }

        await given.AccountAsync(Cast.OtherAccountId, stranger);
        return new Newsroom(db, owner, coOwner, stranger, reviewer, secondReviewer, admin);
    }

    public async Task<string> RequestAsync(PhoneNumber number, Actor? by = null) =>
        (await Db.Get<RequestRelease>().HandleAsync(by ?? Owner, NumberKey.ById(number.Id), Cast.Reason, Ct)).Succeeded().Id;

    public async Task ApproveAsync(string requestId, Actor? by = null) => (await Db.Get<ApproveRequest>().HandleAsync(by ?? Reviewer, requestId, Ct)).Succeeded();

    /// <summary>Runs the worker's first step until every event is read.</summary>
    public async Task FanOutAsync()
    {
        while (await Db.Get<FanOutEvents>().HandleAsync(Ct) > 0)
        {
        }
    }

    public async Task<IReadOnlyList<Notification>> NotificationsOfAsync(Actor user)
    {
        await using var context = Db.NewContext();
        return await context.Notifications.AsNoTracking().Where(n => n.UserId == user.UserId).OrderBy(n => n.Id).ToListAsync(Ct);
    }

    /// <summary>An endpoint at an address of its own: an account has one endpoint per address.</summary>
    public async Task<string> AddWebhookAsync(string accountId = Cast.AccountId, Actor? by = null, params string[] types) =>
        (await Db.Get<ManageWebhooks>().AddAsync(by ?? Owner, accountId, $"http://127.0.0.1:9/hooks/{++_webhooks}", types, Ct)).Succeeded().Webhook.Id;
}

/// <summary>Keeps every mail it is given; fails while <see cref="Failing"/> is set.</summary>
internal sealed class RecordingMail : IMailTransport
{
    public List<OutgoingMail> Sent { get; } = [];

    public bool Failing { get; set; }

    public Task<Result> SendAsync(OutgoingMail mail, CancellationToken ct)
    {
        if (Failing)
        {
            return Task.FromResult<Result>(new Error(Errors.MailNotSent, "The mail server is down", "Try later"));
        }

        Sent.Add(mail);
        return Task.FromResult(Result.Success());
    }
}

/// <summary>Records every post; answers with <see cref="Status"/>, or dies after posting while <see cref="DieAfterPosting"/> is set.</summary>
internal sealed class ScriptedWebhooks : IWebhookSender
{
    public List<(string Url, string EventId, string EventType, string Payload)> Posted { get; } = [];

    public int Status { get; set; } = 200;

    public bool DieAfterPosting { get; set; }

    public Task<WebhookAnswer> SendAsync(string url, string secret, string eventId, string eventType, string payload, CancellationToken ct)
    {
        Posted.Add((url, eventId, eventType, payload));
        if (DieAfterPosting)
        {
            DieAfterPosting = false;
            throw new IOException("The process stopped between the post and saving its answer");
        }

        return Task.FromResult(new WebhookAnswer(Status, 12, Status is >= 200 and < 300 ? null : $"HTTP {Status}"));
    }
}
