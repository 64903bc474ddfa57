using Microsoft.AspNetCore.Identity;

namespace AdminPortal.Infrastructure.Identity;

public sealed class PortalUser : IdentityUser
{
    public string DisplayName { get; set; } = string.Empty;

    /// <summary>When an administrator turned the user off; null while the user may sign in.</summary>
    public DateTime? DisabledAt { get; set; }
}
