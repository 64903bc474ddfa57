namespace AdminPortal.Domain.Common;

public static class PortalRoles
{
    public const string Owner = "Owner";
    public const string Reviewer = "Reviewer";
    public const string Admin = "Admin";

    public static readonly IReadOnlyList<string> All = [Owner, Reviewer, Admin];

    /// <summary>The role named, however it is cased and spaced; null when there is no such role.</summary>
    public static string? Find(string? name) => All.FirstOrDefault(r => string.Equals(r, name?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The roles that see every account.</summary>
    public static readonly IReadOnlyList<string> Staff = [Reviewer, Admin];
}
