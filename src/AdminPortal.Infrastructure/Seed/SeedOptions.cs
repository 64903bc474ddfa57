namespace AdminPortal.Infrastructure.Seed;

/// <summary>The "Demo" configuration section: demo data for development, never for production.</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    public bool Seed { get; set; }

    /// <summary>The password of every demo user.</summary>
    public string Password { get; set; } = string.Empty;

    /// <summary>Fixed API key values for the demo users, keyed by role name ("Owner", "Reviewer").</summary>
    public Dictionary<string, string> ApiKeys { get; set; } = [];

    /// <summary>The Base32 authenticator key every demo staff user is enrolled with, so that staff can sign in with a second step.</summary>
    public string AuthenticatorKey { get; set; } = string.Empty;
}

/// <summary>The "Bootstrap" section: the first administrator of an empty production database.</summary>
public sealed class BootstrapOptions
{
    public const string Section = "Bootstrap";

    public string AdminEmail { get; set; } = string.Empty;

    public string AdminPassword { get; set; } = string.Empty;
}
