using AdminPortal.Application.Releases;
using AdminPortal.Domain.Numbers;

namespace AdminPortal.Application.Tests.Releases;

public sealed class PreviewReleaseTests
{
    [Fact]
    public async Task Preview_of_a_recent_purchase_shows_the_fee_in_words_the_cooling_off_and_when_billing_ends()
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db);
        var number = await portal.NumberAsync(purchasedAt: db.Now.AddMonths(-3).AddDays(1));

        var preview = (await db.Get<PreviewRelease>().HandleAsync(portal.Owner, NumberKey.ById(number.Id), Ct)).Succeeded();

        Assert.True(preview.CanRelease);
        Assert.Empty(preview.Blockers);
        Assert.Equal("$25.00", preview.EarlyTerminationFee.ToString());
        Assert.Contains(preview.Warnings, w => w.Contains("purchased less than 3 months ago") && w.Contains("$25.00"));
        Assert.Contains(preview.Warnings, w => w.Contains($"trunk group '{Cast.TrunkGroup}'"));
        Assert.Contains(preview.Warnings, w => w.Contains("A2P 10DLC registration (pending) is lost"));
        Assert.Equal(30, preview.CoolingOffPeriodDays);
        Assert.Equal(db.Now.AddDays(30), preview.AvailableAfter);
        Assert.Equal(number.NextBillingAt, preview.BillingEndsAt);
    }

    [Fact]
    public async Task Preview_of_a_number_bought_exactly_3_months_ago_shows_no_fee()
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db);
        var number = await portal.NumberAsync(purchasedAt: db.Now.AddMonths(-3));

        var preview = (await db.Get<PreviewRelease>().HandleAsync(portal.Owner, NumberKey.ById(number.Id), Ct)).Succeeded();

        Assert.Equal("$0.00", preview.EarlyTerminationFee.ToString());
        Assert.DoesNotContain(preview.Warnings, w => w.Contains("early termination fee"));
    }

    [Fact]
    public async Task Preview_lists_every_blocker_with_its_message_and_fix()
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db);
        var number = await portal.NumberAsync(provision: n => n.Provision(
            activeCampaign: "Holiday promo",
            callsInProgress: 2,
            agents: [new AttachedAgent("agt_1", "Support Bot")]));

        var preview = (await db.Get<PreviewRelease>().HandleAsync(portal.Owner, NumberKey.ById(number.Id), Ct)).Succeeded();

        Assert.False(preview.CanRelease);
        Assert.Equal([Errors.NumberInUse, Errors.CallsInProgress, Errors.ActiveCampaign], preview.Blockers.Select(b => b.Code));
        Assert.All(preview.Blockers, b => Assert.False(string.IsNullOrWhiteSpace(b.Message) || string.IsNullOrWhiteSpace(b.Fix)));
    }

    [Fact]
    public async Task Preview_of_a_number_with_a_pending_request_is_blocked_by_RELEASE_ALREADY_PENDING()
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db);
        var number = await portal.NumberAsync();
        await portal.RequestAsync(number);

        var preview = (await db.Get<PreviewRelease>().HandleAsync(portal.Owner, NumberKey.ById(number.Id), Ct)).Succeeded();

        Assert.False(preview.CanRelease);
        Assert.Equal(Errors.ReleaseAlreadyPending, Assert.Single(preview.Blockers).Code);
    }

    [Fact]
    public async Task Preview_uses_the_configured_fee_and_cooling_off_period()
    {
        await using var db = await TestDatabase.CreateAsync(new Dictionary<string, string?>
        {
            ["Releases:CoolingOffDays"] = "7",
            ["Releases:EarlyTerminationFeeCents"] = "4000",
            ["Releases:EarlyTerminationMonths"] = "6",
        });
        var portal = await Portal.CreateAsync(db);
        var number = await portal.NumberAsync(purchasedAt: db.Now.AddMonths(-5));

        var preview = (await db.Get<PreviewRelease>().HandleAsync(portal.Owner, NumberKey.ById(number.Id), Ct)).Succeeded();

        Assert.Equal(7, preview.CoolingOffPeriodDays);
        Assert.Equal(db.Now.AddDays(7), preview.AvailableAfter);
        Assert.Equal("$40.00", preview.EarlyTerminationFee.ToString());
        Assert.Contains(preview.Warnings, w => w.Contains("purchased less than 6 months ago") && w.Contains("$40.00"));
    }

    [Fact]
    public async Task Preview_moves_with_the_clock()
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db);
        var number = await portal.NumberAsync(purchasedAt: db.Now.AddMonths(-3).AddDays(1));
        db.Clock.Advance(TimeSpan.FromDays(1));

        var preview = (await db.Get<PreviewRelease>().HandleAsync(portal.Owner, NumberKey.ById(number.Id), Ct)).Succeeded();

        Assert.Equal(Money.Zero, preview.EarlyTerminationFee);
        Assert.Equal(db.Now.AddDays(30), preview.AvailableAfter);
    }

    [Fact]
    public async Task Preview_by_E164_in_any_format_finds_the_number_and_a_bad_E164_gives_INVALID_E164()
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db);
        var number = await portal.NumberAsync("+14155551234");

        var preview = (await db.Get<PreviewRelease>().HandleAsync(portal.Owner, NumberKey.ByE164(Cast.AccountId, "1 415-555-1234"), Ct)).Succeeded();
        var invalid = await db.Get<PreviewRelease>().HandleAsync(portal.Owner, NumberKey.ByE164(Cast.AccountId, "0415"), Ct);

        Assert.Equal(number.Id, preview.NumberId);
        invalid.Failed(Errors.InvalidE164);
    }

    [Fact]
    public async Task Preview_of_an_unknown_number_gives_NUMBER_NOT_FOUND()
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db);

        var error = (await db.Get<PreviewRelease>().HandleAsync(portal.Owner, NumberKey.ById("phn_missing"), Ct)).Failed(Errors.NumberNotFound);

        Assert.Contains("phn_missing", error.Message);
    }
}
