using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AdminPortal.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class StatusIndexesHoldSortKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PhoneNumbers_AccountId_Status_E164_Id",
                table: "PhoneNumbers");

            migrationBuilder.DropIndex(
                name: "IX_PhoneNumbers_Status_E164_Id",
                table: "PhoneNumbers");

            migrationBuilder.CreateIndex(
                name: "IX_PhoneNumbers_AccountId_Status_E164_Id_Label_PurchasedAt_MonthlyPriceCents",
                table: "PhoneNumbers",
                columns: new[] { "AccountId", "Status", "E164", "Id", "Label", "PurchasedAt", "MonthlyPriceCents" });

            migrationBuilder.CreateIndex(
                name: "IX_PhoneNumbers_Status_E164_Id_Label_PurchasedAt_MonthlyPriceCents",
                table: "PhoneNumbers",
                columns: new[] { "Status", "E164", "Id", "Label", "PurchasedAt", "MonthlyPriceCents" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PhoneNumbers_AccountId_Status_E164_Id_Label_PurchasedAt_MonthlyPriceCents",
                table: "PhoneNumbers");

            migrationBuilder.DropIndex(
                name: "IX_PhoneNumbers_Status_E164_Id_Label_PurchasedAt_MonthlyPriceCents",
                table: "PhoneNumbers");

            migrationBuilder.CreateIndex(
                name: "IX_PhoneNumbers_AccountId_Status_E164_Id",
                table: "PhoneNumbers",
                columns: new[] { "AccountId", "Status", "E164", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_PhoneNumbers_Status_E164_Id",
                table: "PhoneNumbers",
                columns: new[] { "Status", "E164", "Id" });
        }
    }
}
