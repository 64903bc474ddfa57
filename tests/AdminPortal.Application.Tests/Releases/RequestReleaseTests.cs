using AdminPortal.Application.Releases;
using AdminPortal.Domain.Audit;
using AdminPortal.Domain.Numbers;
using AdminPortal.Domain.Releases;

namespace AdminPortal.Application.Tests.Releases;

public sealed class RequestReleaseTests
{
    public static TheoryData<string, string> RefusedReasons => Texts.Refused;

    public static TheoryData<string, string> AcceptedReasons => Texts.Accepted;

    public static TheoryData<string, string> Blockers => new()
    {
        { "agents", Errors.NumberInUse },
        { "calls", Errors.CallsInProgress },
        { "campaign", Errors.ActiveCampaign },
    };

    [Fact]
    public async Task Request_stores_a_pending_request_marks_the_number_pending_and_audits_it_once()
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db);
        var number = await portal.NumberAsync();

        var view = (await db.Get<RequestRelease>().HandleAsync(portal.Owner, NumberKey.ById(number.Id), Cast.Reason, Ct)).Succeeded();

        var request = await portal.LoadRequestAsync(view.Id);
        Assert.StartsWith(ReleaseRequest.IdPrefix, request.Id);
        Assert.Equal(ReleaseRequestStatus.Pending, request.Status);
        Assert.Equal(Cast.Reason, request.Reason);
        Assert.Equal(portal.Owner.UserId, request.RequestedById);
        Assert.Equal(db.Now, request.RequestedAt);
        Assert.Equal(Cast.AccountId, request.AccountId);
        Assert.Equal(number.E164, request.E164);
        Assert.Equal(NumberStatus.ReleasePending, (await portal.LoadNumberAsync(number.Id)).Status);
        var audit = Assert.Single(await portal.AuditAsync());
        Assert.Equal(AuditAction.ReleaseRequested, audit.Action);
        Assert.Equal(view.Id, audit.ReleaseRequestId);
        Assert.Equal(portal.Owner.UserId, audit.ActorId);
        Assert.Contains(Cast.Reason, audit.Summary);
    }

    [Theory]
    [MemberData(nameof(AcceptedReasons))]
    public async Task A_reason_of_10_to_500_characters_after_trimming_is_accepted_and_stored_trimmed_and_normalised(string description, string reason)
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db);
        var number = await portal.NumberAsync();

        var view = (await db.Get<RequestRelease>().HandleAsync(portal.Owner, NumberKey.ById(number.Id), reason, Ct)).Succeeded();

        Assert.Equal(reason.Trim().Normalize(System.Text.NormalizationForm.FormC), (await portal.LoadRequestAsync(view.Id)).Reason);
        Assert.Equal(NumberStatus.ReleasePending, (await portal.LoadNumberAsync(number.Id)).Status);
        _ = description; // names the case in the test list
    }

    [Theory]
    [MemberData(nameof(RefusedReasons))]
    public async Task A_reason_outside_10_to_500_characters_is_refused_with_REASON_LENGTH_and_nothing_is_stored(string description, string reason)
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db);
        var number = await portal.NumberAsync();

        var error = await db.RefusesAsync(
            () => db.Get<RequestRelease>().HandleAsync(portal.Owner, NumberKey.ById(number.Id), reason, Ct),
            Errors.ReasonLength);

        Assert.Contains("10 to 500 characters", error.Message);
        _ = description; // names the case in the test list
    }

    [Fact]
    public async Task A_missing_reason_is_refused_with_REASON_LENGTH()
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db);
        var number = await portal.NumberAsync();

        await db.RefusesAsync(() => db.Get<RequestRelease>().HandleAsync(portal.Owner, NumberKey.ById(number.Id), null, Ct), Errors.ReasonLength);
    }

    [Theory]
    [MemberData(nameof(Blockers))]
    public async Task A_blocked_number_is_refused_with_the_blockers_code_and_nothing_is_stored(string blocker, string code)
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db);
        var number = await portal.NumberAsync(shape: blocker switch
        {
            "agents" => Portal.WithAgents("Support Bot"),
            "calls" => n => n.SetCallsInProgress(1),
            _ => n => n.SetActiveCampaign("Holiday promo"),
        });

        await db.RefusesAsync(() => db.Get<RequestRelease>().HandleAsync(portal.Owner, NumberKey.ById(number.Id), Cast.Reason, Ct), code);
    }

    [Fact]
    public async Task A_second_request_for_a_number_with_a_pending_request_is_refused_with_RELEASE_ALREADY_PENDING()
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db);
        var number = await portal.NumberAsync();
        var coOwner = await portal.CoOwnerAsync();
        var first = await portal.RequestAsync(number);

        await db.RefusesAsync(
            () => db.Get<RequestRelease>().HandleAsync(coOwner, NumberKey.ById(number.Id), "Another reason for the same line", Ct),
            Errors.ReleaseAlreadyPending);

        var only = Assert.Single(await portal.RequestsForAsync(number.Id));
        Assert.Equal(first.Id, only.Id);
    }

    [Fact]
    public async Task A_released_number_cannot_be_requested_again_NOT_RELEASABLE()
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db);
        var (number, _, _) = await portal.ReleasedNumberAsync();

        var error = await db.RefusesAsync(
            () => db.Get<RequestRelease>().HandleAsync(portal.Owner, NumberKey.ById(number.Id), Cast.Reason, Ct),
            Errors.NotReleasable);

        Assert.Contains("already released", error.Message);
    }

    [Theory]
    [InlineData("+14155551234")]
    [InlineData("14155551234")]
    [InlineData("+1 415-555-1234")]
    public async Task A_number_named_by_account_and_E164_in_any_format_is_found(string e164)
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db);
        var number = await portal.NumberAsync("+14155551234");

        var view = (await db.Get<RequestRelease>().HandleAsync(portal.Owner, NumberKey.ByE164(Cast.AccountId, e164), Cast.Reason, Ct)).Succeeded();

        Assert.Equal(number.Id, view.PhoneNumberId);
        Assert.Equal("+14155551234", view.E164);
    }

    [Fact]
    public async Task An_invalid_E164_is_refused_with_INVALID_E164()
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db);
        await portal.NumberAsync("+14155551234");

        await db.RefusesAsync(
            () => db.Get<RequestRelease>().HandleAsync(portal.Owner, NumberKey.ByE164(Cast.AccountId, "+1 415 CALL NOW"), Cast.Reason, Ct),
            Errors.InvalidE164);
    }

    [Fact]
    public async Task An_unknown_number_is_refused_with_NUMBER_NOT_FOUND()
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db);
        await portal.NumberAsync("+14155551234");

        await db.RefusesAsync(() => db.Get<RequestRelease>().HandleAsync(portal.Owner, NumberKey.ById("phn_doesnotexist"), Cast.Reason, Ct), Errors.NumberNotFound);
        await db.RefusesAsync(() => db.Get<RequestRelease>().HandleAsync(portal.Owner, NumberKey.ByE164(Cast.AccountId, "+14155550000"), Cast.Reason, Ct), Errors.NumberNotFound);
    }

    [Fact]
    public async Task A_reviewer_may_request_a_release_for_any_account_and_it_waits_for_review()
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db);
        var number = await portal.NumberAsync();

        var view = (await db.Get<RequestRelease>().HandleAsync(portal.Reviewer, NumberKey.ById(number.Id), Cast.Reason, Ct)).Succeeded();

        Assert.Equal(ReleaseRequestStatus.Pending, (await portal.LoadRequestAsync(view.Id)).Status);
        Assert.Equal(portal.Reviewer.UserId, view.RequestedById);
    }
}
