using AdminPortal.Application.Notifications;
using AdminPortal.Domain.Notifications;

namespace AdminPortal.Application.Tests.Notifications;

/// <summary>The poll behind every open bell of an instance: who got something since the last read.</summary>
public sealed class NewNotificationsTests
{
    [Fact]
    public async Task The_first_read_marks_the_newest_and_the_next_names_only_the_people_notified_since()
    {
        await using var db = await TestDatabase.CreateAsync();
        var (a, b, c) = (await db.Given().OwnerAsync(), await db.Given().ReviewerAsync(), await db.Given().OwnerAsync(Cast.CoOwnerEmail));
        await AddAsync(db, c.UserId);
        var news = db.Get<NewNotifications>();

        var first = await news.HandleAsync(after: null, Ct);
        Assert.Empty(first.UserIds);
        var nothingNew = await news.HandleAsync(first.Newest, Ct);
        Assert.Equal((first.Newest, 0), (nothingNew.Newest, nothingNew.UserIds.Count));

        await AddAsync(db, a.UserId, b.UserId, a.UserId);
        var next = await news.HandleAsync(first.Newest, Ct);

        Assert.Equal(new[] { a.UserId, b.UserId }.Order(), next.UserIds.Order());
        Assert.Equal(first.Newest + 3, next.Newest);
        Assert.False(next.More);
        Assert.Empty((await news.HandleAsync(next.Newest, Ct)).UserIds);
    }

    [Fact]
    public async Task On_a_platform_without_notifications_the_first_one_is_still_reported()
    {
        await using var db = await TestDatabase.CreateAsync();
        var owner = await db.Given().OwnerAsync();
        var news = db.Get<NewNotifications>();
        var first = await news.HandleAsync(after: null, Ct);

        await AddAsync(db, owner.UserId);

        Assert.Equal(0, first.Newest);
        Assert.Equal([owner.UserId], (await news.HandleAsync(first.Newest, Ct)).UserIds);
    }

    [Fact]
    public async Task More_than_the_limit_at_once_says_so_and_the_next_read_goes_on_from_there()
    {
        await using var db = await TestDatabase.CreateAsync();
        var (owner, reviewer) = (await db.Given().OwnerAsync(), await db.Given().ReviewerAsync());
        var news = db.Get<NewNotifications>();
        var mark = (await news.HandleAsync(after: null, Ct)).Newest;

        await AddAsync(db, Enumerable.Repeat(owner.UserId, NewNotifications.Limit + 1).Append(reviewer.UserId).ToArray());
        var added = await news.HandleAsync(mark, Ct);

        Assert.True(added.More);
        Assert.Equal(mark + NewNotifications.Limit + 1, added.Newest);
        Assert.Equal([reviewer.UserId], (await news.HandleAsync(added.Newest, Ct)).UserIds);
    }

    private static async Task AddAsync(TestDatabase db, params string[] userIds)
    {
        await using var context = db.NewContext();
        context.Notifications.AddRange(userIds.Select((userId, i) =>
            new Notification(userId, NotificationKind.NewRequest, null, "A new request is in the review queue", "review", $"evt_{Guid.NewGuid():N}_{i}", db.Now)));
        await context.SaveChangesAsync(Ct);
    }
}
