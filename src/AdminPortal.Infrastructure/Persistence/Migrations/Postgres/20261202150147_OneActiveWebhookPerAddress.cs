using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AdminPortal.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OneActiveWebhookPerAddress : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(DuplicateWebhooks.TurnOff("now()"));

            migrationBuilder.CreateIndex(
                name: "IX_WebhookEndpoints_OneActivePerAddress",
                table: "WebhookEndpoints",
                columns: new[] { "AccountId", "Url" },
                unique: true,
                filter: "\"DisabledAt\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_WebhookEndpoints_OneActivePerAddress",
                table: "WebhookEndpoints");
        }
    }
}
