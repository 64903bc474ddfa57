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

    /// <summary>
    /// Kept by a trigger in the writing transaction: a total is then a sum of a few tallies instead of a count of rows. A
    /// change of group takes the two tally rows in one order (the smaller key first), so two changes in opposite
    /// directions queue instead of deadlocking.
    /// </summary>
    public const string CreateNumberTallies = """
        CREATE FUNCTION number_tallies_keep() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE
            new_first boolean := TG_OP = 'INSERT';
        BEGIN
            IF TG_OP = 'UPDATE' THEN
                IF (OLD."AccountId", OLD."Status", OLD."CountryCode", OLD."Type") IS NOT DISTINCT FROM (NEW."AccountId", NEW."Status", NEW."CountryCode", NEW."Type") THEN
                    RETURN NULL;
                END IF;
                new_first := (NEW."AccountId", NEW."Status", NEW."CountryCode", NEW."Type") < (OLD."AccountId", OLD."Status", OLD."CountryCode", OLD."Type");
            END IF;
            IF new_first THEN
                PERFORM number_tallies_add(NEW."AccountId", NEW."Status", NEW."CountryCode", NEW."Type", 1);
            END IF;
            IF TG_OP IN ('UPDATE', 'DELETE') THEN
                PERFORM number_tallies_add(OLD."AccountId", OLD."Status", OLD."CountryCode", OLD."Type", -1);
            END IF;
            IF TG_OP = 'UPDATE' AND NOT new_first THEN
                PERFORM number_tallies_add(NEW."AccountId", NEW."Status", NEW."CountryCode", NEW."Type", 1);
            END IF;
            RETURN NULL;
        END $$;
        CREATE FUNCTION number_tallies_add(account text, status text, country text, kind text, delta bigint) RETURNS void LANGUAGE sql AS $$
            INSERT INTO "NumberTallies" ("AccountId", "Status", "CountryCode", "Type", "Count") VALUES (account, status, country, kind, delta)
            ON CONFLICT ("AccountId", "Status", "CountryCode", "Type") DO UPDATE SET "Count" = "NumberTallies"."Count" + delta;
        $$;
        CREATE TRIGGER "PhoneNumbers_Tallies" AFTER INSERT OR DELETE OR UPDATE OF "AccountId", "Status", "CountryCode", "Type" ON "PhoneNumbers"
            FOR EACH ROW EXECUTE FUNCTION number_tallies_keep();
        INSERT INTO "NumberTallies" ("AccountId", "Status", "CountryCode", "Type", "Count")
        SELECT "AccountId", "Status", "CountryCode", "Type", COUNT(*) FROM "PhoneNumbers" GROUP BY "AccountId", "Status", "CountryCode", "Type";
        """;

    public const string DropNumberTallies = """
        DROP TRIGGER IF EXISTS "PhoneNumbers_Tallies" ON "PhoneNumbers";
        DROP FUNCTION IF EXISTS number_tallies_keep();
        DROP FUNCTION IF EXISTS number_tallies_add(text, text, text, text, bigint);
        """;

    public const string DropSearchIndexes = """
        DROP INDEX IF EXISTS "IX_PhoneNumbers_Label_Trigram";
        DROP INDEX IF EXISTS "IX_PhoneNumbers_E164_Trigram";
        """;
}
