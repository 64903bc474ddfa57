using AdminPortal.Application.Accounts;
using AdminPortal.Application.Users;
using AdminPortal.Domain.Accounts;

namespace AdminPortal.Web.Api;

// The administration API's shapes (users and accounts), spelled like the rest of the API.

public sealed record InviteBody(string? Email, string? DisplayName, string? Role, IReadOnlyList<string>? AccountIds);

public sealed record RoleBody(string? Role);

public sealed record AccountBody(string? Name, ReleasePolicy? ReleasePolicy);

public sealed record NameBody(string? Name);

public sealed record ReleasePolicyBody(ReleasePolicy? ReleasePolicy);

public sealed record OwnerBody(string? User);

public sealed record UserDto(
    string Id, string Email, string DisplayName, string Role, UserStatus Status, bool SecondFactor, DateTimeOffset? LockedUntil, IReadOnlyList<string> AccountIds)
{
    public static UserDto Of(UserView u) => new(u.Id, u.Email, u.DisplayName, u.Role, u.Status, u.SecondFactor, u.LockedUntil, u.AccountIds);
}

public sealed record UserListDto(IReadOnlyList<UserDto> Users, string? NextCursor);

public sealed record OwnerDto(string UserId, string Email, string DisplayName);

public sealed record AccountDto(string Id, string Name, ReleasePolicy ReleasePolicy, IReadOnlyList<OwnerDto> Owners, int ActiveNumbers)
{
    public static AccountDto Of(AccountDetailsView a) =>
        new(a.Id, a.Name, a.ReleasePolicy, [.. a.Owners.Select(o => new OwnerDto(o.UserId, o.Email, o.DisplayName))], a.ActiveNumbers);
}

public sealed record AccountListDto(IReadOnlyList<AccountDto> Accounts);
