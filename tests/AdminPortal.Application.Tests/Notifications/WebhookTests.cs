using System.Globalization;
using System.Net;
using System.Text;
using AdminPortal.Application.Notifications;
using AdminPortal.Application.Webhooks;
using AdminPortal.Domain.Audit;
using AdminPortal.Domain.Notifications;
using AdminPortal.Domain.Webhooks;
using AdminPortal.Infrastructure.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;

namespace AdminPortal.Application.Tests.Notifications;

/// <summary>Platforms hear about their account's releases: signed, at least once, retried for a day, never elsewhere.</summary>
public sealed class WebhookTests
{
    [Fact]
    public async Task Events_reach_the_subscribed_endpoints_of_their_own_account_in_order()
    {
        var room = await Newsroom.CreateAsync();
        var all = await room.AddWebhookAsync();
        var releasedOnly = await room.AddWebhookAsync(types: [WebhookEventTypes.NumberReleased]);
        await room.AddWebhookAsync(Cast.OtherAccountId, room.Stranger);
        await room.ApproveAsync(await room.RequestAsync(await room.Db.Given().NumberAsync(Cast.AccountId)));

        await room.FanOutAsync();
        await room.Db.Get<DeliverWebhooks>().HandleAsync(Ct);

        var posts = room.Webhooks.Posted;
        Assert.Equal(
            [WebhookEventTypes.RequestCreated, WebhookEventTypes.RequestApproved, WebhookEventTypes.NumberReleased, WebhookEventTypes.NumberReleased],
            posts.Select(p => p.EventType));
        Assert.All(posts, p => Assert.Contains($"\"account_id\":\"{Cast.AccountId}\"", p.Payload));
        Assert.Equal(posts[2].EventId, posts[3].EventId);
        await using var context = room.Db.NewContext();
        Assert.Equal(3, await context.WebhookDeliveries.CountAsync(d => d.EndpointId == all && d.Status == WebhookDeliveryStatus.Delivered, Ct));
        Assert.Equal(1, await context.WebhookDeliveries.CountAsync(d => d.EndpointId == releasedOnly, Ct));
    }

    [Fact]
    public async Task A_backlog_at_one_endpoint_does_not_hold_up_another_account_s_deliveries()
    {
        var room = await Newsroom.CreateAsync();
        await room.AddWebhookAsync(types: [WebhookEventTypes.RequestCreated]);
        await room.AddWebhookAsync(Cast.OtherAccountId, room.Stranger, WebhookEventTypes.RequestCreated);
        for (var i = 0; i < 10; i++)
        {
            await room.RequestAsync(await room.Db.Given().NumberAsync(Cast.AccountId));
        }

        await room.RequestAsync(await room.Db.Given().NumberAsync(Cast.OtherAccountId), room.Stranger);
        await room.FanOutAsync();

        await room.Db.Get<DeliverWebhooks>().HandleAsync(Ct);

        var accounts = room.Webhooks.Posted.Select(p => p.Payload.Contains($"\"account_id\":\"{Cast.OtherAccountId}\"", StringComparison.Ordinal) ? "other" : "busy").ToList();
        Assert.Equal(["busy", "busy", "busy", "other"], accounts);
    }

    [Fact]
    public async Task A_failing_endpoint_is_retried_with_doubling_pauses_for_a_day_then_turned_off_and_its_owners_told()
    {
        var room = await Newsroom.CreateAsync();
        var endpoint = await room.AddWebhookAsync(types: [WebhookEventTypes.RequestCreated]);
        await room.RequestAsync(await room.Db.Given().NumberAsync(Cast.AccountId));
        await room.FanOutAsync();
        room.Webhooks.Status = 503;
        var pauses = new List<TimeSpan>();
        var start = room.Db.Clock.GetUtcNow();

        for (var round = 0; round < 100 && await DeliveryAsync(room) is { Status: WebhookDeliveryStatus.Pending } delivery; round++)
        {
            await room.Db.Get<DeliverWebhooks>().HandleAsync(Ct);
            if (await DeliveryAsync(room) is { NextAttemptAt: { } next })
            {
                pauses.Add(next - room.Db.Now);
                room.Db.Clock.SetUtcNow(DateTime.SpecifyKind(next, DateTimeKind.Utc));
            }
        }

        Assert.Equal([1, 2, 4, 8, 16, 32], pauses.Take(6).Select(p => p.TotalMinutes));
        Assert.All(pauses, p => Assert.True(p <= TimeSpan.FromHours(3)));
        var final = (await DeliveryAsync(room))!;
        Assert.Equal(WebhookDeliveryStatus.GaveUp, final.Status);
        Assert.InRange(room.Db.Clock.GetUtcNow() - start, TimeSpan.FromHours(21), TimeSpan.FromHours(24));
        await using var context = room.Db.NewContext();
        Assert.NotNull((await context.WebhookEndpoints.SingleAsync(w => w.Id == endpoint, Ct)).DisabledAt);
        Assert.Single(await room.NotificationsOfAsync(room.Owner), n => n.Kind == NotificationKind.WebhookDisabled);
        Assert.Equal(AuditAction.WebhookTurnedOff, (await room.Db.AuditAsync()).Last().Action);
    }

    [Fact]
    public async Task An_event_posted_just_before_the_worker_stopped_is_posted_again_with_the_same_id_once_its_claim_lapses()
    {
        var room = await Newsroom.CreateAsync();
        await room.AddWebhookAsync(types: [WebhookEventTypes.RequestCreated]);
        await room.RequestAsync(await room.Db.Given().NumberAsync(Cast.AccountId));
        await room.FanOutAsync();
        room.Webhooks.DieAfterPosting = true;

        await Assert.ThrowsAsync<IOException>(() => room.Db.Get<DeliverWebhooks>().HandleAsync(Ct));
        room.Webhooks.DieAfterPosting = false;

        // Another worker (a second portal instance) leaves the claimed delivery alone until the claim lapses.
        room.Db.Clock.Advance(DeliveryClaim.Lease - TestDatabase.Resolution);
        await room.Db.Get<DeliverWebhooks>().HandleAsync(Ct);
        Assert.Single(room.Webhooks.Posted);
        room.Db.Clock.Advance(TestDatabase.Resolution);
        await room.Db.Get<DeliverWebhooks>().HandleAsync(Ct);

        Assert.Equal(2, room.Webhooks.Posted.Count);
        Assert.Equal(room.Webhooks.Posted[0].EventId, room.Webhooks.Posted[1].EventId);
        Assert.Equal(room.Webhooks.Posted[0].Payload, room.Webhooks.Posted[1].Payload);
        Assert.Equal(WebhookDeliveryStatus.Delivered, (await DeliveryAsync(room))!.Status);
    }

    [Fact]
    public async Task A_redelivery_sends_the_same_event_and_is_audited()
    {
        var room = await Newsroom.CreateAsync();
        var endpoint = await room.AddWebhookAsync(types: [WebhookEventTypes.RequestCreated]);
        await room.RequestAsync(await room.Db.Given().NumberAsync(Cast.AccountId));
        await room.FanOutAsync();
        await room.Db.Get<DeliverWebhooks>().HandleAsync(Ct);
        var hooks = room.Db.Get<ManageWebhooks>();
        var first = Assert.Single((await hooks.DeliveriesAsync(room.Owner, endpoint, new Paging(), Ct)).Succeeded().Items);

        (await hooks.RedeliverAsync(room.Stranger, endpoint, first.Id, Ct)).Failed(Errors.WebhookNotFound);
        (await hooks.RedeliverAsync(room.Owner, endpoint, first.Id, Ct)).Succeeded();
        await room.Db.Get<DeliverWebhooks>().HandleAsync(Ct);

        Assert.Equal(2, room.Webhooks.Posted.Count(p => p.EventId == first.EventId));
        Assert.Equal(AuditAction.WebhookRedelivered, (await room.Db.AuditAsync()).Last().Action);
    }

    [Fact]
    public async Task Only_owners_add_endpoints_within_the_limit_with_a_secret_shown_once_and_kept_encrypted()
    {
        var room = await Newsroom.CreateAsync();
        var hooks = room.Db.Get<ManageWebhooks>();

        (await hooks.AddAsync(room.Reviewer, Cast.AccountId, "https://platform.example/hooks", null, Ct)).Failed(Errors.NotAnOwner);
        (await hooks.AddAsync(room.Stranger, Cast.AccountId, "https://platform.example/hooks", null, Ct)).Failed(Errors.AccountNotFound);
        (await hooks.AddAsync(room.Owner, Cast.AccountId, "ftp://platform.example/hooks", null, Ct)).Failed(Errors.InvalidWebhookUrl);
        (await hooks.AddAsync(room.Owner, Cast.AccountId, "https://user:pw@platform.example/hooks", null, Ct)).Failed(Errors.InvalidWebhookUrl);
        (await hooks.AddAsync(room.Owner, Cast.AccountId, "https://platform.example/hooks", ["number.eaten"], Ct)).Failed(Errors.InvalidParameter);
        var added = (await hooks.AddAsync(room.Owner, Cast.AccountId, "https://platform.example/hooks", null, Ct)).Succeeded();

        Assert.StartsWith("whsec_", added.Secret);
        Assert.Equal(WebhookEventTypes.All, added.Webhook.EventTypes);
        await using (var context = room.Db.NewContext())
        {
            Assert.DoesNotContain(added.Secret, (await context.WebhookEndpoints.SingleAsync(Ct)).ProtectedSecret);
        }

        for (var i = 1; i < 5; i++)
        {
            (await hooks.AddAsync(room.Owner, Cast.AccountId, $"https://platform.example/hooks/{i}", null, Ct)).Succeeded();
        }

        (await hooks.AddAsync(room.Owner, Cast.AccountId, "https://platform.example/hooks/6", null, Ct)).Failed(Errors.WebhookLimit);
        Assert.Equal(AuditAction.WebhookAdded, (await room.Db.AuditAsync()).Last().Action);
    }

    [Theory]
    [InlineData("http://127.0.0.1:9/x\r\nX-Injected: yes")]
    [InlineData("https://exa\u202Emple.com/x")]
    [InlineData("https://example.com/a b")]
    public async Task An_address_with_control_formatting_or_space_characters_is_refused_not_repaired(string url)
    {
        var room = await Newsroom.CreateAsync();

        (await room.Db.Get<ManageWebhooks>().AddAsync(room.Owner, Cast.AccountId, url, null, Ct)).Failed(Errors.InvalidWebhookUrl);
    }

    [Fact]
    public async Task An_address_the_parsed_form_lengthens_past_500_characters_is_refused_and_one_of_500_is_kept_as_given()
    {
        var room = await Newsroom.CreateAsync();
        var hooks = room.Db.Get<ManageWebhooks>();
        var grows = "https://platform.example?" + new string('q', 500 - "https://platform.example?".Length);
        var fits = "https://platform.example/" + new string('p', 500 - "https://platform.example/".Length);

        var error = (await hooks.AddAsync(room.Owner, Cast.AccountId, grows, null, Ct)).Failed(Errors.InvalidWebhookUrl);
        var added = (await hooks.AddAsync(room.Owner, Cast.AccountId, fits, null, Ct)).Succeeded();

        Assert.Contains("longer than 500 characters", error.Message);
        Assert.Equal(fits, added.Webhook.Url);
    }

    [Fact]
    public async Task An_empty_event_type_is_refused_as_a_parameter()
    {
        var room = await Newsroom.CreateAsync();

        (await room.Db.Get<ManageWebhooks>().AddAsync(room.Owner, Cast.AccountId, "https://platform.example/hooks", [null!], Ct)).Failed(Errors.InvalidParameter);
    }

    [Fact]
    public async Task Removing_an_endpoint_frees_its_place_and_takes_its_deliveries_and_redelivery_needs_an_endpoint_that_is_on()
    {
        var room = await Newsroom.CreateAsync();
        var hooks = room.Db.Get<ManageWebhooks>();
        var kept = await room.AddWebhookAsync(types: [WebhookEventTypes.RequestCreated]);
        for (var i = 1; i < 5; i++)
        {
            await room.AddWebhookAsync();
        }

        await room.RequestAsync(await room.Db.Given().NumberAsync(Cast.AccountId));
        await room.FanOutAsync();
        await room.Db.Get<DeliverWebhooks>().HandleAsync(Ct);
        var delivery = Assert.Single((await hooks.DeliveriesAsync(room.Owner, kept, new Paging(), Ct)).Succeeded().Items);
        (await hooks.RedeliverAsync(room.Owner, kept, 999_999, Ct)).Failed(Errors.DeliveryNotFound);
        (await hooks.TurnOffAsync(room.Owner, kept, Ct)).Succeeded();
        (await hooks.RedeliverAsync(room.Owner, kept, delivery.Id, Ct)).Failed(Errors.WebhookTurnedOff);

        (await hooks.RemoveAsync(room.Stranger, kept, Ct)).Failed(Errors.WebhookNotFound);
        (await hooks.RemoveAsync(room.Reviewer, kept, Ct)).Failed(Errors.NotAnOwner);
        (await hooks.TurnOnAsync(room.Reviewer, kept, Ct)).Failed(Errors.NotAnOwner);
        (await hooks.RemoveAsync(room.Owner, kept, Ct)).Succeeded();

        await using (var context = room.Db.NewContext())
        {
            Assert.Equal(0, await context.WebhookDeliveries.CountAsync(d => d.EndpointId == kept, Ct));
        }

        Assert.Equal(AuditAction.WebhookRemoved, (await room.Db.AuditAsync()).Last().Action);
        (await hooks.AddAsync(room.Owner, Cast.AccountId, "https://platform.example/hooks/again", null, Ct)).Succeeded();
    }

    [Fact]
    public async Task An_account_has_one_endpoint_per_address_however_the_address_is_written()
    {
        var room = await Newsroom.CreateAsync();
        var hooks = room.Db.Get<ManageWebhooks>();
        var first = (await hooks.AddAsync(room.Owner, Cast.AccountId, "https://platform.example/hooks", [WebhookEventTypes.NumberReleased], Ct)).Succeeded();
        var audited = (await room.Db.AuditAsync()).Count;

        var again = (await hooks.AddAsync(room.CoOwner, Cast.AccountId, "HTTPS://Platform.Example:443/hooks", null, Ct)).Failed(Errors.WebhookExists);

        Assert.Contains(first.Webhook.Id, again.Message);
        Assert.Equal(audited, (await room.Db.AuditAsync()).Count);
        (await hooks.AddAsync(room.Owner, Cast.AccountId, "https://platform.example/hooks/other", null, Ct)).Succeeded();
        (await hooks.AddAsync(room.Stranger, Cast.OtherAccountId, "https://platform.example/hooks", null, Ct)).Succeeded();
        (await hooks.TurnOffAsync(room.Owner, first.Webhook.Id, Ct)).Succeeded();
        Assert.StartsWith("Turn that endpoint on", (await hooks.AddAsync(room.Owner, Cast.AccountId, "https://platform.example/hooks", null, Ct)).Failed(Errors.WebhookExists).Fix);
    }

    [Fact]
    public async Task Two_owners_adding_the_same_address_at_once_end_with_one_endpoint()
    {
        var room = await Newsroom.CreateAsync();
        var hooks = room.Db.Get<ManageWebhooks>();

        var results = await Task.WhenAll(
            Enumerable.Range(0, 6).Select(i => hooks.AddAsync(i % 2 == 0 ? room.Owner : room.CoOwner, Cast.AccountId, "https://platform.example/hooks", null, Ct)));

        Assert.Single(results, r => r.IsSuccess);
        Assert.All(results.Where(r => !r.IsSuccess), r => Assert.Contains(r.Error!.Code, new[] { Errors.WebhookExists, Errors.ConcurrentUpdate }));
        await using var context = room.Db.NewContext();
        Assert.Equal(1, await context.WebhookEndpoints.CountAsync(Ct));
        Assert.Single(await room.Db.AuditAsync(), e => e.Action == AuditAction.WebhookAdded);
    }

    [Fact]
    public async Task A_turned_off_endpoint_gets_no_new_events_until_turned_on()
    {
        var room = await Newsroom.CreateAsync();
        var endpoint = await room.AddWebhookAsync(types: [WebhookEventTypes.RequestCreated]);
        (await room.Db.Get<ManageWebhooks>().TurnOffAsync(room.Owner, endpoint, Ct)).Succeeded();
        await room.RequestAsync(await room.Db.Given().NumberAsync(Cast.AccountId));
        await room.FanOutAsync();
        (await room.Db.Get<ManageWebhooks>().TurnOnAsync(room.CoOwner, endpoint, Ct)).Succeeded();
        await room.RequestAsync(await room.Db.Given().NumberAsync(Cast.AccountId));
        await room.FanOutAsync();
        await room.Db.Get<DeliverWebhooks>().HandleAsync(Ct);

        Assert.Single(room.Webhooks.Posted);
    }

    [Theory]
    [InlineData("https://127.0.0.1/hooks")]
    [InlineData("https://localhost/hooks")]
    [InlineData("https://10.1.2.3/hooks")]
    [InlineData("https://172.20.0.1/hooks")]
    [InlineData("https://192.168.1.10/hooks")]
    [InlineData("https://169.254.169.254/latest/meta-data")]
    [InlineData("https://100.64.0.1/hooks")]
    [InlineData("https://[::1]/hooks")]
    [InlineData("https://[fd00::1]/hooks")]
    [InlineData("https://[fe80::1]/hooks")]
    [InlineData("https://[::ffff:127.0.0.1]/hooks")]
    [InlineData("https://0.0.0.0/hooks")]
    [InlineData("https://[64:ff9b::a9fe:a9fe]/latest/meta-data")]
    [InlineData("https://[2002:c0a8:0101::1]/hooks")]
    [InlineData("https://[::10.0.0.1]/hooks")]
    [InlineData("https://[64:ff9b:1::1]/hooks")]
    public async Task Outside_Development_an_address_on_a_local_or_private_network_is_refused(string url)
    {
        var check = new PublicAddresses(new HostingEnvironment { EnvironmentName = Environments.Production });

        (await check.CheckAsync(new Uri(url), Ct)).Failed(Errors.WebhookAddressForbidden);
        Assert.False(check.AllowsHttp);
    }

    [Theory]
    [InlineData("https://93.184.215.14/hooks")]
    [InlineData("https://[64:ff9b::5db8:d70e]/hooks")]
    [InlineData("https://[2606:2800:21f:cb07:6820:80da:af6b:8b2c]/hooks")]
    public async Task Outside_Development_a_public_address_is_accepted(string url)
    {
        var check = new PublicAddresses(new HostingEnvironment { EnvironmentName = Environments.Production });

        (await check.CheckAsync(new Uri(url), Ct)).Succeeded();
    }

    [Fact]
    public async Task A_delivery_carries_its_event_id_and_a_signature_over_the_timestamp_and_the_body()
    {
        using var listener = new HttpListener();
        var port = FreePort();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        var received = Task.Run(async () =>
        {
            var context = await listener.GetContextAsync();
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync(Ct);
            var headers = (context.Request.Headers["Portal-Signature"], context.Request.Headers["Portal-Event-Id"], body);
            context.Response.StatusCode = 204;
            context.Response.Close();
            return headers;
        }, Ct);
        using var sender = new HttpWebhookSender(TimeProvider.System, new HostingEnvironment { EnvironmentName = Environments.Development });

        var answer = await sender.SendAsync($"http://127.0.0.1:{port}/hooks", "whsec_test", "evt_1_number_released", "number.released", "{\"id\":\"evt_1_number_released\"}", Ct);

        var (signature, eventId, payload) = await received;
        Assert.Equal(204, answer.StatusCode);
        Assert.Equal("evt_1_number_released", eventId);
        var parts = signature!.Split(',').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(Encoding.UTF8.GetBytes("whsec_test"), Encoding.UTF8.GetBytes($"{parts["t"]}.{payload}")));
        Assert.Equal(expected, parts["v1"]);
        Assert.InRange(long.Parse(parts["t"], CultureInfo.InvariantCulture), DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeSeconds(), DateTimeOffset.UtcNow.ToUnixTimeSeconds());
    }

    [Fact]
    public async Task Outside_Development_the_sender_refuses_to_connect_to_a_private_address_even_if_the_check_was_passed()
    {
        using var sender = new HttpWebhookSender(TimeProvider.System, new HostingEnvironment { EnvironmentName = Environments.Production });

        var answer = await sender.SendAsync("https://localhost:1/hooks", "whsec_test", "evt_1", "number.released", "{}", Ct);

        Assert.Null(answer.StatusCode);
        Assert.Contains("public", answer.Error);
    }

    private static async Task<WebhookDelivery?> DeliveryAsync(Newsroom room)
    {
        await using var context = room.Db.NewContext();
        return await context.WebhookDeliveries.AsNoTracking().SingleOrDefaultAsync(Ct);
    }

    private static int FreePort()
    {
        using var socket = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }
}
