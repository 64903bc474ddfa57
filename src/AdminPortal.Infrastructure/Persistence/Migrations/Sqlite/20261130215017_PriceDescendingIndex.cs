using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AdminPortal.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PriceDescendingIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_PhoneNumbers_AccountId_MonthlyPriceCents_Descending",
                table: "PhoneNumbers",
                columns: new[] { "AccountId", "MonthlyPriceCents", "E164", "Id", "Status" },
                descending: new[] { false, true, false, false, false });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PhoneNumbers_AccountId_MonthlyPriceCents_Descending",
                table: "PhoneNumbers");
        }
    }
}
