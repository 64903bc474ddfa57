using AdminPortal.Application.Releases;
using AdminPortal.Domain.Audit;
using AdminPortal.Domain.Numbers;
using AdminPortal.Domain.Releases;

namespace AdminPortal.Application.Tests.Releases;

public sealed class RejectRequestTests
{
    public static TheoryData<string, string> RefusedNotes => Texts.Refused;

    public static TheoryData<string, string> AcceptedNotes => Texts.Accepted;

    [Fact]
    public async Task Reject_keeps_the_note_returns_the_number_to_active_and_audits_it_once()
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db);
        var number = await portal.NumberAsync();
        var request = await portal.RequestAsync(number);
        db.Clock.Advance(TimeSpan.FromMinutes(5));

        var view = (await db.Get<RejectRequest>().HandleAsync(portal.Reviewer, request.Id, "  " + Cast.Note + " ", Ct)).Succeeded();

        var stored = await portal.LoadRequestAsync(request.Id);
        Assert.Equal(ReleaseRequestStatus.Rejected, stored.Status);
        Assert.Equal(Cast.Note, stored.DecisionNote);
        Assert.Equal(portal.Reviewer.UserId, stored.DecidedById);
        Assert.Equal(db.Now, stored.DecidedAt);
        Assert.Equal(Cast.Note, view.DecisionNote);
        var storedNumber = await portal.LoadNumberAsync(number.Id);
        Assert.Equal(NumberStatus.Active, storedNumber.Status);
        Assert.Equal(Cast.TrunkGroup, storedNumber.TrunkGroup);
        var rejected = Assert.Single(await portal.AuditAsync(), e => e.Action == AuditAction.ReleaseRejected);
        Assert.Contains(Cast.Note, rejected.Summary);
        Assert.Equal(request.Id, rejected.ReleaseRequestId);
    }

    [Theory]
    [MemberData(nameof(AcceptedNotes))]
    public async Task A_note_of_10_to_500_characters_after_trimming_is_accepted_and_stored_trimmed_and_normalised(string description, string note)
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db);
        var request = await portal.RequestAsync(await portal.NumberAsync());

        (await db.Get<RejectRequest>().HandleAsync(portal.Reviewer, request.Id, note, Ct)).Succeeded();

        Assert.Equal(note.Trim().Normalize(System.Text.NormalizationForm.FormC), (await portal.LoadRequestAsync(request.Id)).DecisionNote);
        _ = description; // names the case in the test list
    }

    [Theory]
    [MemberData(nameof(RefusedNotes))]
    public async Task A_note_outside_10_to_500_characters_is_refused_with_NOTE_LENGTH_and_nothing_is_stored(string description, string note)
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db);
        var request = await portal.RequestAsync(await portal.NumberAsync());

        var error = await db.RefusesAsync(() => db.Get<RejectRequest>().HandleAsync(portal.Reviewer, request.Id, note, Ct), Errors.NoteLength);

        Assert.Contains("note", error.Message);
        _ = description; // names the case in the test list
    }

    [Fact]
    public async Task Reject_without_a_note_is_refused_with_NOTE_LENGTH()
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db);
        var request = await portal.RequestAsync(await portal.NumberAsync());

        await db.RefusesAsync(() => db.Get<RejectRequest>().HandleAsync(portal.Reviewer, request.Id, null, Ct), Errors.NoteLength);
    }

    [Fact]
    public async Task An_owner_cannot_reject_STAFF_ONLY()
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db);
        var request = await portal.RequestAsync(await portal.NumberAsync());

        await db.RefusesAsync(() => db.Get<RejectRequest>().HandleAsync(portal.Owner, request.Id, Cast.Note, Ct), Errors.StaffOnly);
    }

    [Fact]
    public async Task Rejecting_a_withdrawn_request_gives_REQUEST_ALREADY_DECIDED_and_stores_nothing()
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db);
        var request = await portal.RequestAsync(await portal.NumberAsync());
        (await db.Get<WithdrawRequest>().HandleAsync(portal.Owner, request.Id, Ct)).Succeeded();

        await db.RefusesAsync(() => db.Get<RejectRequest>().HandleAsync(portal.Reviewer, request.Id, Cast.Note, Ct), Errors.RequestAlreadyDecided);
    }

    [Fact]
    public async Task Rejecting_an_approved_request_leaves_the_release_in_place()
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db);
        var (number, requestId, _) = await portal.ReleasedNumberAsync();

        await db.RefusesAsync(() => db.Get<RejectRequest>().HandleAsync(portal.SecondReviewer, requestId, Cast.Note, Ct), Errors.RequestAlreadyDecided);

        Assert.Equal(NumberStatus.Released, (await portal.LoadNumberAsync(number.Id)).Status);
    }

    [Fact]
    public async Task A_rejected_number_can_be_requested_again()
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db);
        var number = await portal.NumberAsync();
        var first = await portal.RequestAsync(number);
        (await db.Get<RejectRequest>().HandleAsync(portal.Reviewer, first.Id, Cast.Note, Ct)).Succeeded();
        db.Clock.Advance(TimeSpan.FromHours(1));

        var second = await portal.RequestAsync(number);

        Assert.Equal(
            [(first.Id, ReleaseRequestStatus.Rejected), (second.Id, ReleaseRequestStatus.Pending)],
            (await portal.RequestsForAsync(number.Id)).Select(r => (r.Id, r.Status)));
    }
}
