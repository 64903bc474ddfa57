namespace AdminPortal.Infrastructure.Persistence;

/// <summary>
/// Before an account could have one active endpoint per address (decision 0027): of the active endpoints at one address,
/// the oldest stays on and the others are turned off with a reason, kept with their secrets and deliveries.
/// </summary>
public static class DuplicateWebhooks
{
    public const string Reason = "Another endpoint of the account posts to this address";

    /// <param name="now">The database's expression for the current time, as the provider stores it.</param>
    public static string TurnOff(string now) => $"""
        UPDATE "WebhookEndpoints" SET "DisabledAt" = {now}, "DisabledReason" = '{Reason}'
        WHERE "DisabledAt" IS NULL AND EXISTS (
            SELECT 1 FROM "WebhookEndpoints" AS "Older"
            WHERE "Older"."AccountId" = "WebhookEndpoints"."AccountId" AND "Older"."Url" = "WebhookEndpoints"."Url" AND "Older"."DisabledAt" IS NULL
              AND ("Older"."CreatedAt" < "WebhookEndpoints"."CreatedAt" OR ("Older"."CreatedAt" = "WebhookEndpoints"."CreatedAt" AND "Older"."Id" < "WebhookEndpoints"."Id")));
        """;
}
