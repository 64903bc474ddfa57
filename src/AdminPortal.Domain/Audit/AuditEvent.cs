using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AdminPortal.Domain.Common;
using AdminPortal.Domain.Numbers;
using AdminPortal.Domain.Releases;

namespace AdminPortal.Domain.Audit;

public enum AuditAction
{
    AgentDetached,
    ReleaseRequested,
    ReleaseApproved,
    ReleaseRejected,
    ReleaseWithdrawn,
    ReleaseCancelled,
    ReturnedToInventory,
    ReleaseFirstApproved,
    ReleaseScheduled,
    ReleasedOnSchedule,
    UserInvited,
    InvitationResent,
    InvitationAccepted,
    InvitationLinkShown,
    UserRoleChanged,
    UserDisabled,
    UserEnabled,
    UserUnlocked,
    SecondFactorReset,
    AccountCreated,
    AccountRenamed,
    ReleasePolicyChanged,
    OwnerAdded,
    OwnerRemoved,
    ApiKeyCreated,
    ApiKeyRevoked,
    WebhookAdded,
    WebhookTurnedOff,
    WebhookTurnedOn,
    WebhookRedelivered,
    WebhookRemoved,
    PasswordChanged,
    AuthenticatorEnabled,
    RecoveryCodesRenewed,
    PasskeyAdded,
    PasskeyRemoved,
}

/// <summary>One state change, who made it and when, with the state before and after. Never updated or deleted.</summary>
public sealed class AuditEvent
{
    private static readonly JsonSerializerOptions SnakeCase = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    private AuditEvent()
    {
    }

    public long Id { get; private set; }

    public DateTime OccurredAt { get; private set; }

    public string ActorId { get; private set; } = null!;

    public string ActorName { get; private set; } = null!;

    public AuditAction Action { get; private set; }

    /// <summary>The account concerned, or empty for a change outside any account (a user, a key): those only staff see.</summary>
    public string AccountId { get; private set; } = null!;

    /// <summary>The number concerned, or empty for a change that is not about a number.</summary>
    public string PhoneNumberId { get; private set; } = null!;

    public string E164 { get; private set; } = null!;

    /// <summary>What a change that is not about a number was about, in words ("user owner@example.com", "account acc_123abc").</summary>
    public string? Subject { get; private set; }

    public string? ReleaseRequestId { get; private set; }

    public string Summary { get; private set; } = null!;

    public string Before { get; private set; } = null!;

    public string After { get; private set; } = null!;

    /// <summary>
    /// SHA-256 over this event's content and the previous event's hash: a chain in which an edited, removed or inserted
    /// event breaks every link after it. Null only for events written before the chain began.
    /// </summary>
    public string? Hash { get; private set; }

    /// <summary>Links the event to the one written before it (null when it is the first of the chain).</summary>
    public void Seal(string? previousHash) => Hash = ComputeHash(previousHash);

    /// <summary>Whether the stored hash is the one this content and the previous event's hash give.</summary>
    public bool IsSealedAfter(string? previousHash) => Hash is not null && CryptographicOperations.FixedTimeEquals(
        Encoding.ASCII.GetBytes(Hash), Encoding.ASCII.GetBytes(ComputeHash(previousHash)));

    /// <summary>
    /// Records a change: call <paramref name="change"/> between the two snapshots so that the event
    /// holds exactly what the change did. The event is returned only when the change succeeded.
    /// </summary>
    public static Result<AuditEvent> Record(
        Actor actor,
        DateTime now,
        AuditAction action,
        PhoneNumber number,
        ReleaseRequest? request,
        string summary,
        Func<Result> change)
    {
        // A request being made did not exist before the change.
        var before = Snapshot(number, action == AuditAction.ReleaseRequested ? null : request);
        var outcome = change();
        if (!outcome.IsSuccess)
        {
            return outcome.Error;
        }

        return new AuditEvent
        {
            OccurredAt = now,
            ActorId = actor.UserId,
            ActorName = actor.Name,
            Action = action,
            AccountId = number.AccountId,
            PhoneNumberId = number.Id,
            E164 = number.E164,
            ReleaseRequestId = request?.Id,
            Summary = summary,
            Before = before,
            After = Snapshot(number, request),
        };
    }

    /// <summary>
    /// Records a change to something other than a number (a user, an account, a key), with the state before and after as
    /// the HTTP API would spell it. Empty number fields keep the append-only table as it was.
    /// </summary>
    public static AuditEvent Record(Actor actor, DateTime now, AuditAction action, string? accountId, string subject, string summary, object? before, object? after) => new()
    {
        OccurredAt = now,
        ActorId = actor.UserId,
        ActorName = actor.Name,
        Action = action,
        AccountId = accountId ?? string.Empty,
        PhoneNumberId = string.Empty,
        E164 = string.Empty,
        Subject = subject,
        Summary = summary,
        Before = JsonSerializer.Serialize(before ?? new { }, SnakeCase),
        After = JsonSerializer.Serialize(after ?? new { }, SnakeCase),
    };

    private string ComputeHash(string? previousHash)
    {
        // Each field with its length, so that no two different contents read the same. The subject joined later: events
        // without one hash as they always did.
        var content = new StringBuilder();
        string[] fields =
        [
            previousHash ?? string.Empty, OccurredAt.ToString("O", CultureInfo.InvariantCulture), ActorId, ActorName, Action.ToString(),
            AccountId, PhoneNumberId, E164, ReleaseRequestId ?? string.Empty, Summary, Before, After,
        ];
        foreach (var field in Subject is null ? fields : [.. fields, Subject])
        {
            content.Append(field.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(field).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content.ToString())));
    }

    /// <summary>The state as the HTTP API spells it (snake_case names and values), so snapshots read the same everywhere.</summary>
    private static string Snapshot(PhoneNumber number, ReleaseRequest? request) => JsonSerializer.Serialize(new
    {
        status = Snake(number.Status),
        trunk_group = number.TrunkGroup,
        inbound_routing = number.InboundRouting,
        agents = number.Agents.Select(a => a.Name).ToArray(),
        release_fee_cents = request?.FeeCharged.Cents,
        available_after = number.AvailableAfter,
        request_status = request is null ? null : Snake(request.Status),
    });

    private static string Snake(Enum value) => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
}
