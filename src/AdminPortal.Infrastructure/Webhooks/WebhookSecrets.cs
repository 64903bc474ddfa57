using System.Security.Cryptography;
using AdminPortal.Application.Notifications;
using Microsoft.AspNetCore.DataProtection;

namespace AdminPortal.Infrastructure.Webhooks;

/// <summary>Signing secrets of 256 random bits, encrypted at rest with the portal's data-protection keys.</summary>
internal sealed class WebhookSecrets(IDataProtectionProvider protection) : IWebhookSecrets
{
    public const string Prefix = "whsec_";

    private readonly IDataProtector _protector = protection.CreateProtector("AdminPortal.WebhookSecret");

    public (string Secret, string Protected) Create()
    {
        var secret = Prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        return (secret, _protector.Protect(secret));
    }

    public string Reveal(string protectedSecret) => _protector.Unprotect(protectedSecret);
}
