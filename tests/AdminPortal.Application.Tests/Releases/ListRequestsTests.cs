using AdminPortal.Application.Releases;
using AdminPortal.Domain.Releases;

namespace AdminPortal.Application.Tests.Releases;

public sealed class ListRequestsTests : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private Portal _portal = null!;
    private string _pending = null!;
    private string _rejected = null!;
    private string _approved = null!;
    private string _byCoOwner = null!;
    private string _otherAccount = null!;
    private string _pendingNumberId = null!;
    private Actor _coOwner = null!;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _portal = await Portal.CreateAsync(_db);
        _coOwner = await _portal.CoOwnerAsync();

        var pendingNumber = await _portal.NumberAsync();
        _pendingNumberId = pendingNumber.Id;
        _pending = (await _portal.RequestAsync(pendingNumber)).Id;
        _db.Clock.Advance(TimeSpan.FromHours(1));
        _rejected = (await _portal.RequestAsync(await _portal.NumberAsync())).Id;
        (await _db.Get<RejectRequest>().HandleAsync(_portal.Reviewer, _rejected, Cast.Note, Ct)).Succeeded();
        _db.Clock.Advance(TimeSpan.FromHours(1));
        _approved = (await _portal.ReleasedNumberAsync()).RequestId;
        _db.Clock.Advance(TimeSpan.FromHours(1));
        _byCoOwner = (await _portal.RequestAsync(await _portal.NumberAsync(), by: _coOwner)).Id;
        _db.Clock.Advance(TimeSpan.FromHours(1));
        _otherAccount = (await _portal.RequestAsync(await _portal.NumberAsync(accountId: Cast.OtherAccountId), by: _portal.Stranger)).Id;
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task An_owner_sees_the_pending_and_decided_requests_of_its_accounts_oldest_first()
    {
        var page = await List(_portal.Owner, new RequestFilter());

        Assert.Equal([_pending, _rejected, _approved, _byCoOwner], page.Items.Select(r => r.Id));
        Assert.Equal(4, page.TotalCount);
    }

    [Fact]
    public async Task Newest_first_reverses_the_order()
    {
        var page = await List(_portal.Owner, new RequestFilter(NewestFirst: true));

        Assert.Equal([_byCoOwner, _approved, _rejected, _pending], page.Items.Select(r => r.Id));
    }

    [Fact]
    public async Task Requests_can_be_filtered_by_status_number_and_requester()
    {
        Assert.Equal([_pending, _byCoOwner], (await List(_portal.Owner, new RequestFilter(Status: ReleaseRequestStatus.Pending))).Items.Select(r => r.Id));
        Assert.Equal([_rejected], (await List(_portal.Owner, new RequestFilter(Status: ReleaseRequestStatus.Rejected))).Items.Select(r => r.Id));
        Assert.Equal([_pending], (await List(_portal.Owner, new RequestFilter(NumberId: _pendingNumberId))).Items.Select(r => r.Id));
        Assert.Equal([_byCoOwner], (await List(_coOwner, new RequestFilter(OnlyMine: true))).Items.Select(r => r.Id));
    }

    [Fact]
    public async Task A_decided_request_shows_who_decided_when_and_with_what_note()
    {
        var rejected = Assert.Single((await List(_portal.Owner, new RequestFilter(Status: ReleaseRequestStatus.Rejected))).Items);

        Assert.Equal((_portal.Reviewer.Name, Cast.Note), (rejected.DecidedByName, rejected.DecisionNote));
        Assert.NotNull(rejected.DecidedAt);
    }

    [Fact]
    public async Task Staff_see_the_requests_of_every_account()
    {
        var page = await List(_portal.Reviewer, new RequestFilter());

        Assert.Equal([_pending, _rejected, _approved, _byCoOwner, _otherAccount], page.Items.Select(r => r.Id));
    }

    [Fact]
    public async Task Pages_follow_skip_and_take_and_report_the_total()
    {
        var first = await List(_portal.Owner, new RequestFilter(), new Paging(Skip: 0, Take: 3));
        var second = await List(_portal.Owner, new RequestFilter(), new Paging(Skip: 3, Take: 3));

        Assert.Equal([_pending, _rejected, _approved], first.Items.Select(r => r.Id));
        Assert.Equal([_byCoOwner], second.Items.Select(r => r.Id));
        Assert.Equal((4, 4), (first.TotalCount, second.TotalCount));
    }

    private async Task<Page<ReleaseRequestView>> List(Actor actor, RequestFilter filter, Paging? paging = null) =>
        (await _db.Get<ListRequests>().HandleAsync(actor, filter, paging ?? new Paging(), Ct)).Succeeded();
}
