using System.Globalization;
using AdminPortal.Application.Common;
using AdminPortal.Domain.Accounts;
using AdminPortal.Domain.ApiKeys;
using AdminPortal.Domain.Audit;
using AdminPortal.Domain.Common;
using AdminPortal.Domain.Numbers;
using AdminPortal.Domain.Releases;
using AdminPortal.Infrastructure.Persistence;
using Microsoft.Extensions.Options;

namespace AdminPortal.Infrastructure.Seed;

/// <summary>
/// The demo: three accounts with a few hundred numbers in every state the portal handles. States are
/// reached through the domain's own transitions, each with its audit event, as if people had done them.
/// </summary>
public sealed class DemoData(PortalDbContext db, TimeProvider time, IOptions<DemoOptions> demo, IOptions<ReleaseOptions> releases)
{
    public const string OwnerEmail = "owner@example.com";
    public const string OtherOwnerEmail = "owner2@example.com";
    public const string ReviewerEmail = "reviewer@example.com";
    public const string SecondReviewerEmail = "reviewer2@example.com";
    public const string AdminEmail = "admin@example.com";
    public const string MainAccountId = "acc_123abc";
    public const string SecondAccountId = "acc_456def";
    public const string SelfServiceAccountId = "acc_789ghi";
    public const string ShowcaseNumber = "+14155551234";

    private static readonly string[] Labels = ["Sales", "Support", "Billing", "Front desk", "Marketing", "Callback", "Store", "Dispatch", "Helpdesk", "After hours"];
    private static readonly string[] Providers = ["Telnyx", "Bandwidth", "Twilio", "Vonage"];

    private readonly Random _random = new(2026);
    private readonly List<AuditEvent> _audit = [];
    private DateTime _now;
    private int _sequence;

    internal async Task SeedAsync(PortalSeeder seeder, CancellationToken ct)
    {
        _now = time.UtcNow();
        var password = demo.Value.Password;
        var owner = Actor(await seeder.CreateUserAsync(OwnerEmail, "Olivia Owner", password, PortalRoles.Owner), PortalRoles.Owner);
        var otherOwner = Actor(await seeder.CreateUserAsync(OtherOwnerEmail, "Oscar Owner", password, PortalRoles.Owner), PortalRoles.Owner);
        var reviewer = Actor(await StaffAsync(seeder, ReviewerEmail, "Riley Reviewer", PortalRoles.Reviewer), PortalRoles.Reviewer);
        var secondReviewer = Actor(await StaffAsync(seeder, SecondReviewerEmail, "Rowan Reviewer", PortalRoles.Reviewer), PortalRoles.Reviewer);
        await StaffAsync(seeder, AdminEmail, "Ada Admin", PortalRoles.Admin);

        var main = new Account(MainAccountId, "Acme Voice");
        main.AddOwner(owner.UserId);
        var second = new Account(SecondAccountId, "Acme Europe");
        second.AddOwner(owner.UserId);
        var selfService = new Account(SelfServiceAccountId, "Globex Calls", ReleasePolicy.SelfService);
        selfService.AddOwner(otherOwner.UserId);
        db.Accounts.AddRange(main, second, selfService);

        Number(main, ShowcaseNumber, "Main support line", "US", NumberType.Local, daysAgo: 40)
            .Provision("tg-sfo-1", "sip:support@acme.example", A2pStatus.Approved, agents: [new AttachedAgent("agt_support_bot", "Support Bot")], callsLast30Days: 1850);
        Number(main, "+14155550101", "Sales overflow", "US", NumberType.Local, daysAgo: 400).Provision("tg-sfo-1", "sip:sales@acme.example", callsInProgress: 2, callsLast30Days: 4200);
        Number(main, "+14155550102", "Spring promo", "US", NumberType.Local, daysAgo: 200).Provision("tg-sfo-1", "sip:promo@acme.example", A2pStatus.Approved, activeCampaign: "Spring Promo 2026");
        Number(main, "+14155550109", "Two agents line", "US", NumberType.Local, daysAgo: 300)
            .Provision("tg-sfo-2", "sip:desk@acme.example", agents: [new AttachedAgent("agt_sales_line", "Sales Line"), new AttachedAgent("agt_support_bot_2", "Support Bot 2")]);

        Request(Number(main, "+14155550103", "Old fax line", "US", NumberType.Local, daysAgo: 800).Provision("tg-sfo-1", "sip:fax@acme.example"), owner, daysAgo: 3,
            "The fax service was retired last quarter and nobody dials this number any more.");
        Request(Number(main, "+14155550104", "Temporary event line", "US", NumberType.Local, daysAgo: 30).Provision("tg-sfo-2", "sip:event@acme.example"), owner, daysAgo: 1,
            "The trade show is over; this temporary hotline is no longer needed.");
        Request(Number(main, "+18005550105", "Toll-free trial", "US", NumberType.TollFree, daysAgo: 500).Provision("tg-tf-1", "sip:trial@acme.example"), reviewer, daysAgo: 2,
            "Support asked to release this toll-free trial number on behalf of the customer.");
        Request(Number(second, "+442079460199", "London reception (old)", "GB", NumberType.Local, daysAgo: 365).Provision("tg-lon-1", "sip:reception@acme.example"), owner, daysAgo: 5,
            "Reception moved to the new London number; this one only receives spam calls.");

        Release(Number(main, "+14155550106", "Legacy IVR", "US", NumberType.Local, daysAgo: 60).Provision("tg-sfo-2", "sip:ivr@acme.example", A2pStatus.Pending), owner, secondReviewer, daysAgo: 5,
            "The legacy IVR tree was replaced by the new voice agent.");
        Release(Number(main, "+14155550107", "Winter campaign", "US", NumberType.Local, daysAgo: 400).Provision("tg-sfo-1", "sip:winter@acme.example"), owner, reviewer, daysAgo: 28,
            "The winter campaign ended and the number is no longer printed anywhere.");
        var closed = Number(main, "+14155550108", "Closed branch", "US", NumberType.Local, daysAgo: 700).Provision("tg-sfo-3", "sip:branch@acme.example");
        Release(closed, owner, reviewer, daysAgo: releases.Value.CoolingOffDays + 15, "The Oakland branch closed and its line is not needed.");
        Return(closed, daysAgo: 15);

        AddMany(main, 140, "US", "+1415556", "+1888555", 4, NumberType.Local);
        AddMany(second, 40, "GB", "+4420794611", "+4480001234", 2, NumberType.Local);
        AddMany(second, 30, "DE", "+4930901820", "+4980001234", 2, NumberType.Local);
        AddMany(selfService, 50, "US", "+1312555", "+1877555", 4, NumberType.Local);
        AddMany(selfService, 20, "CA", "+1604555", "+1866555", 4, NumberType.Mobile);

        db.AuditEvents.AddRange(_audit);
        DemoApiKey(owner, PortalRoles.Owner);
        DemoApiKey(reviewer, PortalRoles.Reviewer);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Staff sign in with a second step; the demo's staff share the authenticator key in Demo:AuthenticatorKey.</summary>
    private async Task<Identity.PortalUser> StaffAsync(PortalSeeder seeder, string email, string displayName, string role)
    {
        var user = await seeder.CreateUserAsync(email, displayName, demo.Value.Password, role);
        if (!string.IsNullOrWhiteSpace(demo.Value.AuthenticatorKey))
        {
            await seeder.EnrolAuthenticatorAsync(user, demo.Value.AuthenticatorKey);
        }

        return user;
    }

    /// <summary>A key with the fixed value of Demo:ApiKeys:{role}, so that the README's curl examples run as written.</summary>
    private void DemoApiKey(Actor user, string role)
    {
        if (demo.Value.ApiKeys.TryGetValue(role, out var secret) && !string.IsNullOrWhiteSpace(secret))
        {
            db.ApiKeys.Add(ApiKey.Issue(Ids.New("key_"), user.UserId, "Demo key (README examples)", _now, secret).Value.Key);
        }
    }

    private static Actor Actor(Identity.PortalUser user, string role) => Domain.Common.Actor.Create(user.Id, user.Email!, role);

    private PhoneNumber Number(Account account, string e164, string label, string country, NumberType type, int daysAgo)
    {
        var purchasedAt = _now.AddDays(-daysAgo).AddMinutes(-_random.Next(0, 600));
        var nextBilling = ReleasePreview.BillingCycleEnd(purchasedAt.Date, _now);
        var number = new PhoneNumber(
            Ids.New(PhoneNumber.IdPrefix), account.Id, E164.From(e164), label, country, type, Providers[_sequence++ % Providers.Length],
            new Money(type == NumberType.TollFree ? 200 : 115), purchasedAt, nextBilling);
        db.PhoneNumbers.Add(number);
        return number;
    }

    /// <summary>Numbers under <paramref name="prefix"/>, every 17th a toll-free one under <paramref name="tollFreePrefix"/>.</summary>
    private void AddMany(Account account, int count, string country, string prefix, string tollFreePrefix, int suffixDigits, NumberType type)
    {
        for (var i = 0; i < count; i++)
        {
            var suffix = (i + 1).ToString(CultureInfo.InvariantCulture).PadLeft(suffixDigits, '0');
            var label = $"{Labels[_random.Next(Labels.Length)]} {i + 1}";
            var tollFree = i % 17 == 0;
            var number = Number(account, (tollFree ? tollFreePrefix : prefix) + suffix, label, country, tollFree ? NumberType.TollFree : type, daysAgo: _random.Next(5, 900));
            number.Provision(
                $"tg-{country.ToLowerInvariant()}-{1 + (i % 3)}",
                $"sip:{label.Replace(' ', '-').ToLowerInvariant()}@{account.Id}.example",
                (A2pStatus)(i % 4),
                activeCampaign: i % 23 == 5 ? "Autumn outreach" : null,
                callsInProgress: i % 19 == 7 ? 1 : 0,
                agents: i % 5 == 0 ? [new AttachedAgent($"agt_{account.Id[4..]}_{i}", $"Agent {i + 1}")] : null,
                callsLast30Days: i * 37 % 900);
        }
    }

    private ReleaseRequest Request(PhoneNumber number, Actor requester, double daysAgo, string reason)
    {
        var at = _now.AddDays(-daysAgo);
        // A readable id per number, so the README's API examples can name a demo request.
        var request = new ReleaseRequest(
            $"{ReleaseRequest.IdPrefix}demo_{number.E164[1..]}", number, ReleaseReason.Create(reason).Value, requester, at,
            secondApprovalReasons: releases.Value.Terms.SecondApprovalReasons(number, batchSize: 1));
        db.ReleaseRequests.Add(request);
        Audit(AuditEvent.Record(requester, at, AuditAction.ReleaseRequested, number, request, $"Requested release of {number.E164}: {reason}", number.MarkReleasePending));
        return request;
    }

    private void Release(PhoneNumber number, Actor requester, Actor reviewer, int daysAgo, string reason)
    {
        var request = Request(number, requester, daysAgo + 0.5, reason);
        var at = _now.AddDays(-daysAgo);
        Audit(AuditEvent.Record(reviewer, at, AuditAction.ReleaseApproved, number, request, $"Approved the release of {number.E164}",
            () => request.Approve(reviewer, number, at, releases.Value.Terms)));
    }

    private void Return(PhoneNumber number, int daysAgo)
    {
        var at = _now.AddDays(-daysAgo);
        Audit(AuditEvent.Record(Domain.Common.Actor.System, at, AuditAction.ReturnedToInventory, number, null,
            $"{number.E164} returned to inventory after its cooling-off period", () => number.ReturnToInventory(at)));
    }

    private void Audit(Result<AuditEvent> recorded) =>
        _audit.Add(recorded.IsSuccess ? recorded.Value : throw new InvalidOperationException($"Demo data broke a rule: {recorded.Error.Message}"));
}
