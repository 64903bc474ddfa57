namespace AdminPortal.Infrastructure.Persistence;

/// <summary>What the SQLite migrations add beyond the model for the numbers list: tallies and the text index.</summary>
public static class SqliteSql
{
    private const string TallyNew = """
        INSERT INTO "NumberTallies" ("AccountId", "Status", "CountryCode", "Type", "Count") VALUES (NEW."AccountId", NEW."Status", NEW."CountryCode", NEW."Type", 1)
        ON CONFLICT ("AccountId", "Status", "CountryCode", "Type") DO UPDATE SET "Count" = "Count" + 1;
        """;

    private const string TallyOld = """
        UPDATE "NumberTallies" SET "Count" = "Count" - 1
        WHERE "AccountId" = OLD."AccountId" AND "Status" = OLD."Status" AND "CountryCode" = OLD."CountryCode" AND "Type" = OLD."Type";
        """;

    /// <summary>Kept by triggers in the writing transaction: a total is then a sum of a few tallies instead of a count of rows.</summary>
    public const string CreateNumberTallies = $"""
        CREATE TRIGGER "PhoneNumbers_TallyInsert" AFTER INSERT ON "PhoneNumbers" BEGIN
        {TallyNew}
        END;
        CREATE TRIGGER "PhoneNumbers_TallyDelete" AFTER DELETE ON "PhoneNumbers" BEGIN
        {TallyOld}
        END;
        CREATE TRIGGER "PhoneNumbers_TallyUpdate" AFTER UPDATE OF "AccountId", "Status", "CountryCode", "Type" ON "PhoneNumbers"
        WHEN OLD."AccountId" IS NOT NEW."AccountId" OR OLD."Status" IS NOT NEW."Status" OR OLD."CountryCode" IS NOT NEW."CountryCode" OR OLD."Type" IS NOT NEW."Type"
        BEGIN
        {TallyOld}
        {TallyNew}
        END;
        INSERT INTO "NumberTallies" ("AccountId", "Status", "CountryCode", "Type", "Count")
        SELECT "AccountId", "Status", "CountryCode", "Type", COUNT(*) FROM "PhoneNumbers"
        GROUP BY "AccountId", "Status", "CountryCode", "Type";
        """;

    public const string DropNumberTallies = """
        DROP TRIGGER IF EXISTS "PhoneNumbers_TallyInsert";
        DROP TRIGGER IF EXISTS "PhoneNumbers_TallyDelete";
        DROP TRIGGER IF EXISTS "PhoneNumbers_TallyUpdate";
        """;

    /// <summary>
    /// FTS5 with the trigram tokenizer: any part of a label or number of three characters or more, whatever the case. It
    /// keeps its own copy of the text and the number's id rather than pointing at PhoneNumbers' rowids, which VACUUM may
    /// renumber. Labels and numbers never change once written, so the id lookups of the update and delete triggers (a scan)
    /// do not run in practice.
    /// </summary>
    public const string CreateNumberSearch = """
        CREATE VIRTUAL TABLE "NumberSearch" USING fts5("NumberId" UNINDEXED, "Label", "E164", tokenize = 'trigram');
        CREATE TRIGGER "PhoneNumbers_SearchInsert" AFTER INSERT ON "PhoneNumbers" BEGIN
            INSERT INTO "NumberSearch" ("NumberId", "Label", "E164") VALUES (NEW."Id", NEW."Label", NEW."E164");
        END;
        CREATE TRIGGER "PhoneNumbers_SearchUpdate" AFTER UPDATE OF "Id", "Label", "E164" ON "PhoneNumbers" BEGIN
            DELETE FROM "NumberSearch" WHERE "NumberId" = OLD."Id";
            INSERT INTO "NumberSearch" ("NumberId", "Label", "E164") VALUES (NEW."Id", NEW."Label", NEW."E164");
        END;
        CREATE TRIGGER "PhoneNumbers_SearchDelete" AFTER DELETE ON "PhoneNumbers" BEGIN
            DELETE FROM "NumberSearch" WHERE "NumberId" = OLD."Id";
        END;
        INSERT INTO "NumberSearch" ("NumberId", "Label", "E164") SELECT "Id", "Label", "E164" FROM "PhoneNumbers";
        """;

    public const string DropNumberSearch = """
        DROP TRIGGER IF EXISTS "PhoneNumbers_SearchInsert";
        DROP TRIGGER IF EXISTS "PhoneNumbers_SearchUpdate";
        DROP TRIGGER IF EXISTS "PhoneNumbers_SearchDelete";
        DROP TABLE IF EXISTS "NumberSearch";
        """;
}
