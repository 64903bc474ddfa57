namespace AdminPortal.Domain.Common;

/// <summary>Every error code of the portal (service results and the HTTP API), and the wording of the common ones.</summary>
public static class Errors
{
    public const string ReasonLength = "REASON_LENGTH";
    public const string NoteLength = "NOTE_LENGTH";
    public const string InvalidText = "INVALID_TEXT";
    public const string InvalidE164 = "INVALID_E164";
    public const string StaffOnly = "STAFF_ONLY";
    public const string SelfApprovalForbidden = "SELF_APPROVAL_FORBIDDEN";
    public const string NotRequester = "NOT_REQUESTER";
    public const string NumberNotFound = "NUMBER_NOT_FOUND";
    public const string RequestNotFound = "REQUEST_NOT_FOUND";
    public const string AccountNotFound = "ACCOUNT_NOT_FOUND";
    public const string AgentNotFound = "AGENT_NOT_FOUND";
    public const string ReleaseAlreadyPending = "RELEASE_ALREADY_PENDING";
    public const string ActiveCampaign = "ACTIVE_CAMPAIGN";
    public const string NotReleasable = "NOT_RELEASABLE";
    public const string RequestAlreadyDecided = "REQUEST_ALREADY_DECIDED";
    public const string CoolingOffExpired = "COOLING_OFF_EXPIRED";
    public const string ConcurrentUpdate = "CONCURRENT_UPDATE";
    public const string NumberInUse = "NUMBER_IN_USE";
    public const string CallsInProgress = "CALLS_IN_PROGRESS";
    public const string InvalidCursor = "INVALID_CURSOR";
    public const string OffsetTooDeep = "OFFSET_TOO_DEEP";
    public const string ApiKeyNameLength = "API_KEY_NAME_LENGTH";
    public const string ApiKeyRevoked = "API_KEY_REVOKED";
    public const string ApiKeyNotFound = "API_KEY_NOT_FOUND";
    public const string AdminOnly = "ADMIN_ONLY";
    public const string UserNotFound = "USER_NOT_FOUND";
    public const string InvalidEmail = "INVALID_EMAIL";
    public const string InvalidRole = "INVALID_ROLE";
    public const string EmailTaken = "EMAIL_TAKEN";
    public const string LastAdmin = "LAST_ADMIN";
    public const string UserDisabled = "USER_DISABLED";
    public const string NotInvited = "NOT_INVITED";
    public const string InvitationInvalid = "INVITATION_INVALID";
    public const string WeakPassword = "WEAK_PASSWORD";
    public const string OwnerHasAccounts = "OWNER_HAS_ACCOUNTS";
    public const string NotAnOwner = "NOT_AN_OWNER";
    public const string UserNotAnOwner = "USER_NOT_AN_OWNER";
    public const string LastOwner = "LAST_OWNER";
    public const string AccountNameLength = "ACCOUNT_NAME_LENGTH";
    public const string MessageNotFound = "MESSAGE_NOT_FOUND";
    public const string MailNotSent = "MAIL_NOT_SENT";
    public const string InvalidWebhookUrl = "INVALID_WEBHOOK_URL";
    public const string WebhookAddressForbidden = "WEBHOOK_ADDRESS_FORBIDDEN";
    public const string WebhookNotFound = "WEBHOOK_NOT_FOUND";
    public const string WebhookLimit = "WEBHOOK_LIMIT";
    public const string WebhookExists = "WEBHOOK_EXISTS";
    public const string WebhookTurnedOff = "WEBHOOK_TURNED_OFF";
    public const string DeliveryNotFound = "DELIVERY_NOT_FOUND";
    public const string NotificationNotFound = "NOTIFICATION_NOT_FOUND";
    public const string SecondApprovalRequired = "SECOND_APPROVAL_REQUIRED";
    public const string DuplicateNumber = "DUPLICATE_NUMBER";
    public const string BatchTooLarge = "BATCH_TOO_LARGE";
    public const string BatchNotFound = "BATCH_NOT_FOUND";
    public const string BatchNotActionable = "BATCH_NOT_ACTIONABLE";

    // Codes of the HTTP API itself, for what happens before or around a use case.
    public const string Unauthenticated = "UNAUTHENTICATED";
    public const string Forbidden = "FORBIDDEN";
    public const string RateLimited = "RATE_LIMITED";
    public const string IdempotencyKeyReused = "IDEMPOTENCY_KEY_REUSED";
    public const string IdempotencyKeyInUse = "IDEMPOTENCY_KEY_IN_USE";
    public const string InvalidParameter = "INVALID_PARAMETER";
    public const string BodyTooLarge = "BODY_TOO_LARGE";
    public const string ApiKeyLimit = "API_KEY_LIMIT";
    public const string NotFound = "NOT_FOUND";
    public const string MethodNotAllowed = "METHOD_NOT_ALLOWED";
    public const string InternalError = "INTERNAL_ERROR";

    public static Error NumberMissing(string what) => new(
        NumberNotFound,
        // An address of blanks or a pasted paragraph is not repeated back.
        string.IsNullOrWhiteSpace(what) || what.Length > 40 ? "That phone number was not found in your accounts" : $"Phone number {what} was not found in your accounts",
        "Check the number and the account, or open the Numbers list to find it");

    public static Error AccountMissing(string accountId) => new(
        AccountNotFound,
        Echo(accountId) is { } shown ? $"Account {shown} was not found" : "That account was not found",
        "Check the account id, or choose one of your accounts");

    public static Error RequestMissing(string id) => new(
        RequestNotFound,
        Echo(id) is { } shown ? $"Release request {shown} was not found" : "That release request was not found",
        "Check the request id, or open My requests or the Review queue to find it");

    public static Error AgentMissing(string agentId, string e164) => new(
        AgentNotFound,
        Echo(agentId) is { } shown ? $"Agent {shown} is not attached to {e164}" : $"That agent is not attached to {e164}",
        "Reload the number to see the agents attached to it now");

    public static Error Staff() => new(
        StaffOnly,
        "Only support staff (Reviewer or Admin) may do this",
        "Ask a reviewer to handle it");

    public static Error Admin() => new(
        AdminOnly,
        "Only an administrator may do this",
        "Ask an administrator to make the change");

    public static Error UserMissing(string id) => new(
        UserNotFound,
        id.Length is > 0 and <= 254 ? $"User {id} was not found" : "That user was not found",
        "Check the user id, or find the user on the Users page");

    public static Error Concurrent() => new(
        ConcurrentUpdate,
        "Someone else changed this item at the same time; your change was not saved",
        "Reload to see the current state and try again if it still applies");

    /// <summary>An id as it may be repeated back: short printable ASCII, or nothing (a pasted paragraph or hidden characters are not echoed).</summary>
    private static string? Echo(string value) => value is { Length: > 0 and <= 40 } && value.All(c => c is > ' ' and < (char)127) ? value : null;

    /// <summary>The codes of several refusals, the commonest first: "NUMBER_NOT_FOUND ×2, NUMBER_IN_USE ×1".</summary>
    public static string Counted(IEnumerable<Error> errors) =>
        string.Join(", ", errors.GroupBy(e => e.Code).OrderByDescending(g => g.Count()).Select(g => $"{g.Key} ×{g.Count()}"));

    public static Error Cursor() => new(
        InvalidCursor,
        "The paging cursor is not valid",
        "Use the next_cursor value from the previous page exactly as it was returned, or omit it to start over");

    public static Error Offset(int max) => new(
        OffsetTooDeep,
        $"Pages deeper than {max:N0} rows are not reached by offset",
        "Move page by page from a neighbouring page, open the last page, or narrow the list with filters");
}
