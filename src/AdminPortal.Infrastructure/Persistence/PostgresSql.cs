namespace AdminPortal.Infrastructure.Persistence;

/// <summary>What the PostgreSQL migrations add beyond the model: the append-only audit trail and the search's trigram indexes.</summary>
public static class PostgresSql
{
    public const string CreateAuditTrailGuard = $"""
        CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION '{AuditTrailGuard.Message}'; END $$;
        CREATE TRIGGER "AuditEvents_NoUpdate" BEFORE UPDATE ON "AuditEvents" FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
        CREATE TRIGGER "AuditEvents_NoDelete" BEFORE DELETE ON "AuditEvents" FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
        CREATE TRIGGER "AuditEvents_NoTruncate" BEFORE TRUNCATE ON "AuditEvents" FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();
        """;

    public const string DropAuditTrailGuard = """
        DROP TRIGGER IF EXISTS "AuditEvents_NoTruncate" ON "AuditEvents";
        DROP TRIGGER IF EXISTS "AuditEvents_NoDelete" ON "AuditEvents";
        DROP TRIGGER IF EXISTS "AuditEvents_NoUpdate" ON "AuditEvents";
        DROP FUNCTION IF EXISTS audit_events_append_only();
        """;

    /// <summary>
    /// The numbers search matches any part of the number or of the label, lower-cased (ListNumbers): trigram GIN indexes
    /// serve both. They are on the lower-cased columns so that they serve the search alone: on the bare number the
    /// planner took the trigram index for equality lookups too (a bulk release's 1,000 numbers), at 30 times the cost of
    /// the b-tree.
    /// </summary>
    public const string CreateSearchIndexes = """
        CREATE INDEX "IX_PhoneNumbers_E164_Trigram" ON "PhoneNumbers" USING gin (lower("E164") gin_trgm_ops);
        CREATE INDEX "IX_PhoneNumbers_Label_Trigram" ON "PhoneNumbers" USING gin (lower("Label") gin_trgm_ops);
        """;

    public const string DropSearchIndexes = """
        DROP INDEX IF EXISTS "IX_PhoneNumbers_Label_Trigram";
        DROP INDEX IF EXISTS "IX_PhoneNumbers_E164_Trigram";
        """;
}
