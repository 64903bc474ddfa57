using AdminPortal.Application.Notifications;
using AdminPortal.Application.Releases;
using AdminPortal.Domain.Accounts;
using AdminPortal.Domain.Notifications;
using AdminPortal.Domain.Numbers;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Application.Tests.Notifications;

/// <summary>The release lifecycle reaches the people it concerns, and nobody else, once.</summary>
public sealed class FanOutTests
{
    [Fact]
    public async Task A_decision_reaches_every_owner_of_the_account_but_not_the_other_accounts_or_the_decider()
    {
        var room = await Newsroom.CreateAsync();
        var number = await room.Db.Given().NumberAsync(Cast.AccountId, "+14155550123");
        await room.ApproveAsync(await room.RequestAsync(number));
        var approvedAt = room.Db.Now;
        // Read later than it happened (the portal was down): the bell still tells when it happened.
        room.Db.Clock.Advance(TimeSpan.FromHours(2));

        await room.FanOutAsync();

        foreach (var owner in new[] { room.Owner, room.CoOwner })
        {
            var approved = Assert.Single(await room.NotificationsOfAsync(owner));
            Assert.Equal((NotificationKind.RequestApproved, Cast.AccountId, $"numbers/{number.Id}", approvedAt), (approved.Kind, approved.AccountId, approved.Link, approved.CreatedAt));
            Assert.Contains("+14155550123", approved.Text);
            Assert.Contains(Cast.ReviewerEmail, approved.Text);
        }

        Assert.Empty(await room.NotificationsOfAsync(room.Stranger));
        Assert.DoesNotContain(await room.NotificationsOfAsync(room.Reviewer), n => n.Kind == NotificationKind.RequestApproved);
    }

    [Fact]
    public async Task A_new_request_reaches_every_reviewer_and_admin_and_one_approved_at_once_reaches_none()
    {
        var room = await Newsroom.CreateAsync();
        var queued = await room.Db.Given().NumberAsync(Cast.AccountId);
        await room.RequestAsync(queued);
        await room.FanOutAsync();

        foreach (var staff in new[] { room.Reviewer, room.SecondReviewer, room.Admin })
        {
            Assert.Equal(NotificationKind.NewRequest, Assert.Single(await room.NotificationsOfAsync(staff)).Kind);
        }

        var selfService = await Newsroom.CreateAsync(ReleasePolicy.SelfService);
        await selfService.RequestAsync(await selfService.Db.Given().NumberAsync(Cast.AccountId));
        await selfService.FanOutAsync();
        Assert.Empty(await selfService.NotificationsOfAsync(selfService.Reviewer));
    }

    [Fact]
    public async Task Reading_the_events_again_adds_nothing()
    {
        var room = await Newsroom.CreateAsync();
        var requestId = await room.RequestAsync(await room.Db.Given().NumberAsync(Cast.AccountId));
        await room.FanOutAsync();
        await room.ApproveAsync(requestId);
        await room.FanOutAsync();
        await using (var context = room.Db.NewContext())
        {
            (await context.EventCursors.SingleAsync(Ct)).LastEventId = 0;
            await context.SaveChangesAsync(Ct);
        }

        await room.FanOutAsync();

        Assert.Single(await room.NotificationsOfAsync(room.Owner));
        Assert.Single(await room.NotificationsOfAsync(room.Reviewer));
        Assert.Single(await room.NotificationsOfAsync(room.SecondReviewer));
    }

    [Fact]
    public async Task Withdrawals_cancellations_and_returns_reach_the_owners_who_did_not_make_them()
    {
        var room = await Newsroom.CreateAsync();
        var withdrawn = await room.Db.Given().NumberAsync(Cast.AccountId);
        (await room.Db.Get<WithdrawRequest>().HandleAsync(room.Owner, await room.RequestAsync(withdrawn), Ct)).Succeeded();
        var cancelled = await room.Db.Given().NumberAsync(Cast.AccountId);
        await room.ApproveAsync(await room.RequestAsync(cancelled));
        (await room.Db.Get<CancelRelease>().HandleAsync(room.Owner, NumberKey.ById(cancelled.Id), Ct)).Succeeded();
        var returned = await room.Db.Given().NumberAsync(Cast.AccountId);
        await room.ApproveAsync(await room.RequestAsync(returned));
        room.Db.Clock.Advance(TimeSpan.FromDays(31));
        await room.Db.Get<ReturnExpiredReleases>().HandleAsync(Ct);

        await room.FanOutAsync();

        Assert.DoesNotContain(await room.NotificationsOfAsync(room.Owner), n => n.Kind is NotificationKind.RequestWithdrawn or NotificationKind.ReleaseCancelled);
        Assert.Equal(
            [NotificationKind.RequestWithdrawn, NotificationKind.RequestApproved, NotificationKind.ReleaseCancelled, NotificationKind.RequestApproved, NotificationKind.NumberReturned],
            (await room.NotificationsOfAsync(room.CoOwner)).Select(n => n.Kind));
    }

    [Fact]
    public async Task Reminders_reach_owners_once_before_the_cooling_off_ends_and_staff_once_a_day_while_requests_wait()
    {
        var room = await Newsroom.CreateAsync();
        var released = await room.Db.Given().NumberAsync(Cast.AccountId);
        await room.ApproveAsync(await room.RequestAsync(released));
        await room.RequestAsync(await room.Db.Given().NumberAsync(Cast.AccountId), by: room.Reviewer);

        room.Db.Clock.Advance(TimeSpan.FromDays(26));
        await room.Db.Get<SendReminders>().HandleAsync(Ct);
        Assert.DoesNotContain(await room.NotificationsOfAsync(room.Owner), n => n.Kind == NotificationKind.CoolingOffEnding);
        room.Db.Clock.Advance(TimeSpan.FromDays(1.5));
        await room.Db.Get<SendReminders>().HandleAsync(Ct);
        await room.Db.Get<SendReminders>().HandleAsync(Ct);

        var ending = Assert.Single(await room.NotificationsOfAsync(room.Owner), n => n.Kind == NotificationKind.CoolingOffEnding);
        Assert.Contains("cancel the release", ending.Text);
        // The request had waited more than a day at both runs, days apart: a digest each day, not one each run.
        var waiting = (await room.NotificationsOfAsync(room.SecondReviewer)).Where(n => n.Kind == NotificationKind.RequestWaiting).ToList();
        Assert.Equal(2, waiting.Count);
        Assert.All(waiting, n => Assert.StartsWith("1 release request has waited more than 24 hours; the oldest since", n.Text));
        Assert.DoesNotContain(await room.NotificationsOfAsync(room.Reviewer), n => n.Kind == NotificationKind.RequestWaiting);
        Assert.Empty(await room.NotificationsOfAsync(room.Stranger));
    }

    [Fact]
    public async Task A_backlog_of_waiting_requests_reaches_each_reviewer_as_one_digest_a_day_in_one_transaction()
    {
        var database = new DatabaseWatch();
        var room = await Newsroom.CreateAsync(configure: TestDatabase.Intercepted(database));
        const int Waiting = 400;
        for (var i = 0; i < Waiting; i++)
        {
            await room.RequestAsync(await room.Db.Given().NumberAsync(Cast.AccountId, $"+1415555{i:D4}"), by: i == 0 ? room.Reviewer : null);
        }

        room.Db.Clock.Advance(TimeSpan.FromDays(2));
        database.Reset();
        Assert.Equal(3, await room.Db.Get<SendReminders>().HandleAsync(Ct));
        Assert.Equal((1, 1), (database.Commits, database.NotificationQueries));
        Assert.Equal(0, await room.Db.Get<SendReminders>().HandleAsync(Ct));
        room.Db.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(3, await room.Db.Get<SendReminders>().HandleAsync(Ct));

        // The reviewer who made one of them is told of the others only.
        var digests = (await room.NotificationsOfAsync(room.Reviewer)).Where(n => n.Kind == NotificationKind.RequestWaiting).ToList();
        Assert.Equal(2, digests.Count);
        Assert.All(digests, d => Assert.StartsWith($"{Waiting - 1} release requests have waited more than 24 hours", d.Text));
        foreach (var staff in new[] { room.SecondReviewer, room.Admin })
        {
            Assert.Equal(2, (await room.NotificationsOfAsync(staff)).Count(n => n.Kind == NotificationKind.RequestWaiting && n.Text.StartsWith($"{Waiting} release requests", StringComparison.Ordinal)));
        }
    }

    /// <summary>Counts committed transactions and queries of the notifications table.</summary>
    private sealed class DatabaseWatch : Microsoft.EntityFrameworkCore.Diagnostics.DbCommandInterceptor, Microsoft.EntityFrameworkCore.Diagnostics.IDbTransactionInterceptor
    {
        private int _commits;
        private int _notificationQueries;

        public int Commits => _commits;

        public int NotificationQueries => _notificationQueries;

        public void Reset() => (_commits, _notificationQueries) = (0, 0);

        public override ValueTask<Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<System.Data.Common.DbDataReader>> ReaderExecutingAsync(
            System.Data.Common.DbCommand command, Microsoft.EntityFrameworkCore.Diagnostics.CommandEventData eventData,
            Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<System.Data.Common.DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.StartsWith("SELECT", StringComparison.Ordinal) && command.CommandText.Contains("FROM \"Notifications\"", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref _notificationQueries);
            }

            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public Task TransactionCommittedAsync(System.Data.Common.DbTransaction transaction, Microsoft.EntityFrameworkCore.Diagnostics.TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _commits);
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task An_email_is_queued_only_for_people_who_chose_it_and_the_worker_retries_it_with_growing_pauses()
    {
        var room = await Newsroom.CreateAsync();
        (await room.Db.Get<NotificationPreferences>().SetAsync(room.Owner, NotificationKind.RequestApproved, email: true, Ct)).Succeeded();
        await room.ApproveAsync(await room.RequestAsync(await room.Db.Given().NumberAsync(Cast.AccountId, "+14155550123")));
        await room.FanOutAsync();
        room.Mail.Failing = true;

        await room.Db.Get<DeliverQueuedMail>().HandleAsync(Ct);
        room.Mail.Failing = false;
        room.Db.Clock.Advance(TimeSpan.FromSeconds(59));
        await room.Db.Get<DeliverQueuedMail>().HandleAsync(Ct);
        Assert.Empty(room.Mail.Sent);
        room.Db.Clock.Advance(TimeSpan.FromSeconds(1));
        await room.Db.Get<DeliverQueuedMail>().HandleAsync(Ct);

        var mail = Assert.Single(room.Mail.Sent);
        Assert.Equal(Cast.OwnerEmail, mail.To);
        Assert.Contains("+14155550123", mail.Subject);
        Assert.Contains("/numbers/", mail.Body);
        await using var context = room.Db.NewContext();
        Assert.Equal((2, (DateTime?)null), await context.QueuedMails.Select(m => new ValueTuple<int, DateTime?>(m.Attempts, m.NextAttemptAt)).SingleAsync(Ct));
    }

    [Fact]
    public async Task The_bell_counts_lists_and_marks_read_and_forgets_an_account_its_owner_left()
    {
        var room = await Newsroom.CreateAsync();
        await room.ApproveAsync(await room.RequestAsync(await room.Db.Given().NumberAsync(Cast.AccountId)));
        await room.ApproveAsync(await room.RequestAsync(await room.Db.Given().NumberAsync(Cast.AccountId)));
        await room.FanOutAsync();
        var bell = room.Db.Get<Bell>();

        Assert.Equal(2, await bell.CountUnreadAsync(room.Owner, Ct));
        var first = (await bell.ListAsync(room.Owner, new Paging(), Ct)).Items[0];
        (await bell.MarkReadAsync(room.Owner, first.Id, Ct)).Succeeded();
        Assert.Equal(1, await bell.CountUnreadAsync(room.Owner, Ct));
        (await bell.MarkReadAsync(room.Stranger, first.Id, Ct)).Failed(Errors.NotificationNotFound);
        (await bell.MarkAllReadAsync(room.Owner, Ct)).Succeeded();
        Assert.Equal(0, await bell.CountUnreadAsync(room.Owner, Ct));

        Assert.Equal(2, await bell.CountUnreadAsync(room.CoOwner, Ct));
        await using (var context = room.Db.NewContext())
        {
            (await context.Accounts.Include(a => a.Members).SingleAsync(a => a.Id == Cast.AccountId, Ct)).RemoveOwner(room.CoOwner.UserId);
            await context.SaveChangesAsync(Ct);
        }

        Assert.Equal(0, await bell.CountUnreadAsync(room.CoOwner, Ct));
        Assert.Empty((await bell.ListAsync(room.CoOwner, new Paging(), Ct)).Items);
    }
}
