using System.Net;
using System.Net.Sockets;
using AdminPortal.Application.Webhooks;
using AdminPortal.Domain.Common;
using Microsoft.Extensions.Hosting;

namespace AdminPortal.Infrastructure.Webhooks;

/// <summary>
/// Webhooks go to the public internet only (outside Development): no loopback, private, shared (CGNAT), link-local,
/// multicast or unspecified address, in IPv4 or IPv6, also when mapped or carried (NAT64, 6to4, IPv4-compatible). Checked when an endpoint is added and again at
/// every connection, so a name that later resolves elsewhere is still refused.
/// </summary>
internal sealed class PublicAddresses(IHostEnvironment environment) : IWebhookAddressCheck
{
    public bool AllowsHttp => environment.IsDevelopment();

    public async Task<Result> CheckAsync(Uri address, CancellationToken ct)
    {
        if (environment.IsDevelopment())
        {
            return Result.Success();
        }

        IPAddress[] resolved;
        try
        {
            resolved = IPAddress.TryParse(address.IdnHost, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(address.IdnHost, ct);
        }
        catch (SocketException)
        {
            return new Error(Errors.WebhookAddressForbidden, $"{address.Host} does not resolve", "Use a host name that resolves to a public address");
        }

        return resolved.Length > 0 && resolved.All(IsPublic)
            ? Result.Success()
            : new Error(Errors.WebhookAddressForbidden, $"{address.Host} is not a public internet address", "Use an endpoint on the public internet; private and local networks are refused");
    }

    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.Broadcast))
        {
            return false;
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var v6 = address.GetAddressBytes();
            // IPv4 carried in IPv6 (NAT64 64:ff9b::/96, 6to4 2002::/16, IPv4-compatible ::a.b.c.d) is judged as that IPv4.
            if (Embedded(v6) is { } v4)
            {
                return IsPublic(v4);
            }

            return !(address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast || (v6[0] & 0xFE) == 0xFC
                || (v6[0] == 0x00 && v6[1] == 0x64 && v6[2] == 0xFF && v6[3] == 0x9B));
        }

        var b = address.GetAddressBytes();
        return !(b[0] == 0 || b[0] == 10 || b[0] == 127 || b[0] >= 224
            || (b[0] == 100 && b[1] >= 64 && b[1] < 128)
            || (b[0] == 169 && b[1] == 254)
            || (b[0] == 172 && b[1] >= 16 && b[1] < 32)
            || (b[0] == 192 && b[1] == 168)
            || (b[0] == 192 && b[1] == 0 && b[2] == 0)
            || (b[0] == 198 && (b[1] == 18 || b[1] == 19)));
    }

    private static IPAddress? Embedded(byte[] v6)
    {
        if (v6[0] == 0x00 && v6[1] == 0x64 && v6[2] == 0xFF && v6[3] == 0x9B && v6.AsSpan(4, 8).IndexOfAnyExcept((byte)0) < 0)
        {
            return new IPAddress(v6.AsSpan(12, 4));
        }

        if (v6[0] == 0x20 && v6[1] == 0x02)
        {
            return new IPAddress(v6.AsSpan(2, 4));
        }

        return v6.AsSpan(0, 12).IndexOfAnyExcept((byte)0) < 0 ? new IPAddress(v6.AsSpan(12, 4)) : null;
    }
}
