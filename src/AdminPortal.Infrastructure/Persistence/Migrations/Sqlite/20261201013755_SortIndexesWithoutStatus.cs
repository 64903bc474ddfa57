using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AdminPortal.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SortIndexesWithoutStatus : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PhoneNumbers_AccountId_Label_E164_Id_Status",
                table: "PhoneNumbers");

            migrationBuilder.DropIndex(
                name: "IX_PhoneNumbers_AccountId_MonthlyPriceCents_E164_Id_Status",
                table: "PhoneNumbers");

            migrationBuilder.DropIndex(
                name: "IX_PhoneNumbers_AccountId_PurchasedAt_E164_Id_Status",
                table: "PhoneNumbers");

            migrationBuilder.DropIndex(
                name: "IX_PhoneNumbers_Label_E164_Id_Status",
                table: "PhoneNumbers");

            migrationBuilder.DropIndex(
                name: "IX_PhoneNumbers_MonthlyPriceCents_E164_Id_Status",
                table: "PhoneNumbers");

            migrationBuilder.DropIndex(
                name: "IX_PhoneNumbers_PurchasedAt_E164_Id_Status",
                table: "PhoneNumbers");

            migrationBuilder.CreateIndex(
                name: "IX_PhoneNumbers_AccountId_Label_E164_Id",
                table: "PhoneNumbers",
                columns: new[] { "AccountId", "Label", "E164", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_PhoneNumbers_AccountId_MonthlyPriceCents_E164_Id",
                table: "PhoneNumbers",
                columns: new[] { "AccountId", "MonthlyPriceCents", "E164", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_PhoneNumbers_AccountId_PurchasedAt_E164_Id",
                table: "PhoneNumbers",
                columns: new[] { "AccountId", "PurchasedAt", "E164", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_PhoneNumbers_Label_E164_Id",
                table: "PhoneNumbers",
                columns: new[] { "Label", "E164", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_PhoneNumbers_MonthlyPriceCents_E164_Id",
                table: "PhoneNumbers",
                columns: new[] { "MonthlyPriceCents", "E164", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_PhoneNumbers_PurchasedAt_E164_Id",
                table: "PhoneNumbers",
                columns: new[] { "PurchasedAt", "E164", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PhoneNumbers_AccountId_Label_E164_Id",
                table: "PhoneNumbers");

            migrationBuilder.DropIndex(
                name: "IX_PhoneNumbers_AccountId_MonthlyPriceCents_E164_Id",
                table: "PhoneNumbers");

            migrationBuilder.DropIndex(
                name: "IX_PhoneNumbers_AccountId_PurchasedAt_E164_Id",
                table: "PhoneNumbers");

            migrationBuilder.DropIndex(
                name: "IX_PhoneNumbers_Label_E164_Id",
                table: "PhoneNumbers");

            migrationBuilder.DropIndex(
                name: "IX_PhoneNumbers_MonthlyPriceCents_E164_Id",
                table: "PhoneNumbers");

            migrationBuilder.DropIndex(
                name: "IX_PhoneNumbers_PurchasedAt_E164_Id",
                table: "PhoneNumbers");

            migrationBuilder.CreateIndex(
                name: "IX_PhoneNumbers_AccountId_Label_E164_Id_Status",
                table: "PhoneNumbers",
                columns: new[] { "AccountId", "Label", "E164", "Id", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_PhoneNumbers_AccountId_MonthlyPriceCents_E164_Id_Status",
                table: "PhoneNumbers",
                columns: new[] { "AccountId", "MonthlyPriceCents", "E164", "Id", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_PhoneNumbers_AccountId_PurchasedAt_E164_Id_Status",
                table: "PhoneNumbers",
                columns: new[] { "AccountId", "PurchasedAt", "E164", "Id", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_PhoneNumbers_Label_E164_Id_Status",
                table: "PhoneNumbers",
                columns: new[] { "Label", "E164", "Id", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_PhoneNumbers_MonthlyPriceCents_E164_Id_Status",
                table: "PhoneNumbers",
                columns: new[] { "MonthlyPriceCents", "E164", "Id", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_PhoneNumbers_PurchasedAt_E164_Id_Status",
                table: "PhoneNumbers",
                columns: new[] { "PurchasedAt", "E164", "Id", "Status" });
        }
    }
}
