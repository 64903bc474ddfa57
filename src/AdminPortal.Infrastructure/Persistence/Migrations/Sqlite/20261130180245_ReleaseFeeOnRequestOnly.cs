using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AdminPortal.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReleaseFeeOnRequestOnly : Migration
    {
        /// <inheritdoc />
        /// <remarks>The fee of every release is on the approved request that led to it, which keeps it after a cancellation too.</remarks>
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ReleaseFeeCents",
                table: "PhoneNumbers");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "ReleaseFeeCents",
                table: "PhoneNumbers",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.Sql("""
                UPDATE "PhoneNumbers" SET "ReleaseFeeCents" = COALESCE((
                    SELECT r."FeeCents" FROM "ReleaseRequests" r
                    WHERE r."PhoneNumberId" = "PhoneNumbers"."Id" AND r."Status" = 'Approved' AND r."FeeVoidedAt" IS NULL
                    ORDER BY r."DecidedAt" DESC LIMIT 1), 0)
                WHERE "Status" IN ('Released', 'Returned');
                """);
        }
    }
}
