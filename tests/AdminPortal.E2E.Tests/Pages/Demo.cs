namespace AdminPortal.E2E.Tests.Pages;

/// <summary>The demo sign-ins printed in the README.</summary>
public static class Demo
{
    public const string Password = "demo-password-2026";
    public const string Owner = "owner@example.com";
    public const string OtherOwner = "owner2@example.com";
    public const string Reviewer = "reviewer@example.com";
    public const string Admin = "admin@example.com";
}
