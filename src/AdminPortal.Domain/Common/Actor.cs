namespace AdminPortal.Domain.Common;

/// <summary>Who is acting: a signed-in user, an API key's user, or the portal itself.</summary>
public sealed record Actor(string UserId, string Name, IReadOnlySet<string> Roles)
{
    public static readonly Actor System = new("system", "system", new HashSet<string>());

    public bool IsStaff => Roles.Contains(PortalRoles.Reviewer) || Roles.Contains(PortalRoles.Admin);

    public bool IsAdmin => Roles.Contains(PortalRoles.Admin);

    public static Actor Create(string userId, string name, params string[] roles) => new(userId, name, roles.ToHashSet());
}
