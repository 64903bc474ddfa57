using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using AdminPortal.Application.Notifications;
using Microsoft.Extensions.Hosting;

namespace AdminPortal.Infrastructure.Webhooks;

/// <summary>
/// Posts an event with Stripe-style signing: <c>Portal-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256 of "t.body"&gt;</c>.
/// No redirects are followed and, outside Development, connections go to public addresses only.
/// </summary>
internal sealed class HttpWebhookSender(TimeProvider time, IHostEnvironment environment) : IWebhookSender, IDisposable
{
    public const string SignatureHeader = "Portal-Signature";
    public const string EventIdHeader = "Portal-Event-Id";
    public const string EventTypeHeader = "Portal-Event-Type";

    private readonly HttpClient _client = new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        // Through a proxy the connection check would see the proxy's address, not the endpoint's.
        UseProxy = false,
        ConnectTimeout = TimeSpan.FromSeconds(5),
        ConnectCallback = environment.IsDevelopment() ? null : ConnectPubliclyAsync,
    })
    {
        Timeout = TimeSpan.FromSeconds(10),
    };

    public static string Sign(string secret, long timestamp, string payload)
    {
        var signed = Encoding.UTF8.GetBytes($"{timestamp.ToString(CultureInfo.InvariantCulture)}.{payload}");
        return Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
    }

    public async Task<WebhookAnswer> SendAsync(string url, string secret, string eventId, string eventType, string payload, CancellationToken ct)
    {
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(payload, Encoding.UTF8, "application/json") };
        request.Headers.Add(SignatureHeader, $"t={timestamp.ToString(CultureInfo.InvariantCulture)},v1={Sign(secret, timestamp, payload)}");
        request.Headers.Add(EventIdHeader, eventId);
        request.Headers.Add(EventTypeHeader, eventType);
        request.Headers.UserAgent.ParseAdd("AdminPortal-Webhooks/1");
        var watch = Stopwatch.StartNew();
        try
        {
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            return new WebhookAnswer((int)response.StatusCode, watch.ElapsedMilliseconds, response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            return new WebhookAnswer(null, watch.ElapsedMilliseconds, e is TaskCanceledException ? "No answer within 10 seconds" : e.Message);
        }
    }

    public void Dispose() => _client.Dispose();

    private static async ValueTask<Stream> ConnectPubliclyAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        var addresses = await Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, ct);
        var target = addresses.FirstOrDefault(PublicAddresses.IsPublic)
            ?? throw new HttpRequestException($"{context.DnsEndPoint.Host} resolves to no public address; webhooks go to the public internet only");
        var socket = new Socket(target.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(new IPEndPoint(target, context.DnsEndPoint.Port), ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
