using Microsoft.AspNetCore.Identity;

namespace AdminPortal.Infrastructure.Identity;

public sealed class PortalUser : IdentityUser
{
    public string DisplayName { get; set; } = string.Empty;
}
