using AdminPortal.Domain.Common;

namespace AdminPortal.Domain.Accounts;

public enum ReleasePolicy
{
    /// <summary>Every release request waits for a reviewer.</summary>
    ReviewRequired,

    /// <summary>An owner's release request is approved at once (still with a reason and an audit trail).</summary>
    SelfService,
}

public sealed class Account
{
    public const string IdPrefix = "acc_";
    public const int NameMaxLength = 100;

    private readonly List<AccountMember> _members = [];

    private Account()
    {
    }

    public Account(string id, string name, ReleasePolicy policy = ReleasePolicy.ReviewRequired)
    {
        Id = id;
        Name = name;
        ReleasePolicy = policy;
    }

    public string Id { get; private set; } = null!;

    public string Name { get; private set; } = null!;

    public ReleasePolicy ReleasePolicy { get; private set; }

    public IReadOnlyList<AccountMember> Members => _members;

    public void AddOwner(string userId)
    {
        if (_members.All(m => m.UserId != userId))
        {
            _members.Add(new AccountMember(Id, userId, AccountRole.Owner));
        }
    }

    /// <summary>Removes an owner; false when the user was not one.</summary>
    public bool RemoveOwner(string userId) => _members.RemoveAll(m => m.UserId == userId) > 0;

    public Result Rename(string? name)
    {
        var checkedName = TextRule.AccountName.Check(name);
        if (!checkedName.IsSuccess)
        {
            return checkedName.Error;
        }

        Name = checkedName.Value;
        return Result.Success();
    }

    public void SetReleasePolicy(ReleasePolicy policy) => ReleasePolicy = policy;

    /// <summary>A new account with a checked name and no owner yet.</summary>
    public static Result<Account> Open(string id, string? name, ReleasePolicy policy)
    {
        var account = new Account(id, string.Empty, policy);
        return account.Rename(name).Map(() => account);
    }

    public bool IsOwnedBy(string userId) => _members.Any(m => m.UserId == userId && m.Role == AccountRole.Owner);

    /// <summary>Whether a release requested by this user is approved at once rather than queued for a reviewer.</summary>
    public bool ApprovesReleasesAtOnceFor(string userId) => ReleasePolicy == ReleasePolicy.SelfService && IsOwnedBy(userId);
}

public enum AccountRole
{
    Owner,
}

/// <summary>A user's role in one account; owners reach that account's numbers and nothing else.</summary>
public sealed class AccountMember(string accountId, string userId, AccountRole role)
{
    public string AccountId { get; private set; } = accountId;

    public string UserId { get; private set; } = userId;

    public AccountRole Role { get; private set; } = role;
}
