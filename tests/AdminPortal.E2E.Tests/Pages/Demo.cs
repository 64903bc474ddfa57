namespace AdminPortal.E2E.Tests.Pages;

/// <summary>The demo sign-ins printed in the README.</summary>
public static class Demo
{
    public const string Password = "demo-password-2026";
    public const string Owner = "owner@example.com";
    public const string OtherOwner = "owner2@example.com";
    public const string Reviewer = "reviewer@example.com";
    public const string Admin = "admin@example.com";

    /// <summary>Staff sign in with a second step; the demo enrols them all with one authenticator key.</summary>
    public static readonly IReadOnlySet<string> Staff = new HashSet<string> { Reviewer, "reviewer2@example.com", Admin };

    /// <summary>The owner's demo API key (appsettings.Development.json), as the README's examples use it.</summary>
    public const string OwnerApiKey = "nrp_demo_owner_6f1d2c9a8b7e4f30a1c5d9e2b4f7a8c1";
}
