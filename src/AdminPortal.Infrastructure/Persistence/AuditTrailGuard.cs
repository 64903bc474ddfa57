namespace AdminPortal.Infrastructure.Persistence;

/// <summary>SQLite triggers that make the AuditEvents table append-only.</summary>
public static class AuditTrailGuard
{
    public const string Message = "audit events are append-only";

    public const string Create = $"""
        CREATE TRIGGER AuditEvents_NoUpdate BEFORE UPDATE ON AuditEvents
        BEGIN SELECT RAISE(ABORT, '{Message}'); END;
        CREATE TRIGGER AuditEvents_NoDelete BEFORE DELETE ON AuditEvents
        BEGIN SELECT RAISE(ABORT, '{Message}'); END;
        """;

    public const string Drop = """
        DROP TRIGGER IF EXISTS AuditEvents_NoUpdate;
        DROP TRIGGER IF EXISTS AuditEvents_NoDelete;
        """;
}
