using System.Net;
using System.Security.Cryptography;
using System.Text;
using AdminPortal.Application.Notifications;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Api.Tests.Webhooks;

/// <summary>Webhooks over the API, and a receiver on loopback that a Development portal posts an owner → reviewer journey to.</summary>
public sealed class WebhookApiTests
{
    [Fact]
    public async Task A_receiver_gets_the_events_of_a_request_and_its_approval_in_order_each_signed_with_the_endpoints_secret()
    {
        using var receiver = new Receiver();
        await using var host = await ApiHost.StartAsync([], environment: "Development");
        var added = await (await host.Client(host.Owner).PostJsonAsync($"/api/v1/accounts/{Cast.AccountId}/webhooks", new { url = receiver.Url })).JsonAsync(HttpStatusCode.Created);
        var secret = added.String("secret");
        var number = await host.NumberAsync();

        var request = await (await host.Client(host.Owner).PostJsonAsync($"/api/v1/accounts/{Cast.AccountId}/numbers/{number.E164}/request-release", new { reason = Cast.Reason })).JsonAsync(HttpStatusCode.Created);
        await (await host.Client(host.Reviewer).PostJsonAsync($"/api/v1/release-requests/{request.String("id")}/approve")).JsonAsync();
        await using (var scope = host.Factory.Services.CreateAsyncScope())
        {
            while (await scope.ServiceProvider.GetRequiredService<FanOutEvents>().HandleAsync(Ct) > 0)
            {
            }

            await scope.ServiceProvider.GetRequiredService<DeliverWebhooks>().HandleAsync(Ct);
        }

        Assert.Equal(["release_request.created", "release_request.approved", "number.released"], receiver.Events.Select(e => e.Type));
        Assert.Equal(3, receiver.Events.Select(e => e.Id).Distinct().Count());
        Assert.All(receiver.Events, e =>
        {
            var parts = e.Signature.Split(',').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
            var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{parts["t"]}.{e.Body}")));
            Assert.Equal(expected, parts["v1"]);
            Assert.Contains(number.E164, e.Body);
        });
        var deliveries = await (await host.Client(host.Owner).GetAsync($"/api/v1/webhooks/{added.GetProperty("webhook").String("id")}/deliveries", Ct)).JsonAsync();
        Assert.All(deliveries.GetProperty("deliveries").EnumerateArray(), d => Assert.Equal(("delivered", 204), (d.String("status"), d.GetProperty("last_status_code").GetInt32())));
    }

    [Fact]
    public async Task Outside_Development_plain_HTTP_and_local_addresses_are_refused_and_other_accounts_are_not_found()
    {
        await using var host = await ApiHost.StartAsync([]);
        var owner = host.Client(host.Owner);

        await (await owner.PostJsonAsync($"/api/v1/accounts/{Cast.AccountId}/webhooks", new { url = "http://platform.example/hooks" })).ErrorAsync(HttpStatusCode.BadRequest, "INVALID_WEBHOOK_URL");
        await (await owner.PostJsonAsync($"/api/v1/accounts/{Cast.AccountId}/webhooks", new { url = "https://127.0.0.1/hooks" })).ErrorAsync(HttpStatusCode.BadRequest, "WEBHOOK_ADDRESS_FORBIDDEN");
        await (await owner.PostJsonAsync($"/api/v1/accounts/{Cast.OtherAccountId}/webhooks", new { url = "https://93.184.215.14/hooks" })).ErrorAsync(HttpStatusCode.NotFound, "ACCOUNT_NOT_FOUND");
        await (await owner.PostJsonAsync("/api/v1/webhooks/whk_nothing/turn-off")).ErrorAsync(HttpStatusCode.NotFound, "WEBHOOK_NOT_FOUND");
        await (await owner.PostJsonAsync("/api/v1/webhooks/whk_nothing/deliveries/1/redeliver")).ErrorAsync(HttpStatusCode.NotFound, "WEBHOOK_NOT_FOUND");
    }

    [Fact]
    public async Task Staff_changing_an_owners_webhook_are_refused_403_NOT_AN_OWNER_and_the_endpoint_stays_on()
    {
        await using var host = await ApiHost.StartAsync([]);
        var added = await (await host.Client(host.Owner).PostJsonAsync($"/api/v1/accounts/{Cast.AccountId}/webhooks", new { url = "https://93.184.215.14/hooks" })).JsonAsync(HttpStatusCode.Created);
        var id = added.GetProperty("webhook").String("id");

        await (await host.Client(host.Reviewer).PostJsonAsync($"/api/v1/webhooks/{id}/turn-off")).ErrorAsync(HttpStatusCode.Forbidden, "NOT_AN_OWNER");
        await (await host.Client(host.Reviewer).PostJsonAsync($"/api/v1/accounts/{Cast.AccountId}/webhooks", new { url = "https://93.184.215.15/hooks" })).ErrorAsync(HttpStatusCode.Forbidden, "NOT_AN_OWNER");

        var listed = await (await host.Client(host.Owner).GetAsync($"/api/v1/accounts/{Cast.AccountId}/webhooks", Ct)).JsonAsync();
        Assert.Single(listed.GetProperty("webhooks").EnumerateArray(), w => w.String("id") == id && w.GetProperty("active").GetBoolean());
    }

    /// <summary>A platform's endpoint on loopback: answers 204 and keeps what it got.</summary>
    private sealed class Receiver : IDisposable
    {
        private readonly HttpListener _listener = new();

        public Receiver()
        {
            using var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            Url = $"http://127.0.0.1:{((IPEndPoint)probe.LocalEndpoint).Port}/hooks/";
            probe.Stop();
            _listener.Prefixes.Add(Url);
            _listener.Start();
            _ = Task.Run(ReceiveAsync);
        }

        public string Url { get; }

        public List<(string Id, string Type, string Signature, string Body)> Events { get; } = [];

        public void Dispose() => _listener.Close();

        private async Task ReceiveAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
                {
                    return;
                }

                using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
                var body = await reader.ReadToEndAsync();
                lock (Events)
                {
                    Events.Add((context.Request.Headers["Portal-Event-Id"]!, context.Request.Headers["Portal-Event-Type"]!, context.Request.Headers["Portal-Signature"]!, body));
                }

                context.Response.StatusCode = 204;
                context.Response.Close();
            }
        }
    }
}
