using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AdminPortal.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class NumbersGridIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PhoneNumbers_AccountId_E164",
                table: "PhoneNumbers");

            migrationBuilder.DropIndex(
                name: "IX_PhoneNumbers_AccountId_Status_E164",
                table: "PhoneNumbers");

            migrationBuilder.DropIndex(
                name: "IX_PhoneNumbers_E164",
                table: "PhoneNumbers");

            migrationBuilder.CreateIndex(
                name: "IX_PhoneNumbers_AccountId_CountryCode_E164_Id_Status",
                table: "PhoneNumbers",
                columns: new[] { "AccountId", "CountryCode", "E164", "Id", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_PhoneNumbers_AccountId_E164_Id_Status_Label",
                table: "PhoneNumbers",
                columns: new[] { "AccountId", "E164", "Id", "Status", "Label" });

            migrationBuilder.CreateIndex(
                name: "IX_PhoneNumbers_AccountId_MonthlyPriceCents_E164_Id_Status",
                table: "PhoneNumbers",
                columns: new[] { "AccountId", "MonthlyPriceCents", "E164", "Id", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_PhoneNumbers_AccountId_PurchasedAt_E164_Id_Status",
                table: "PhoneNumbers",
                columns: new[] { "AccountId", "PurchasedAt", "E164", "Id", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_PhoneNumbers_AccountId_Status_E164_Id",
                table: "PhoneNumbers",
                columns: new[] { "AccountId", "Status", "E164", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_PhoneNumbers_AccountId_Type_E164_Id_Status",
                table: "PhoneNumbers",
                columns: new[] { "AccountId", "Type", "E164", "Id", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_PhoneNumbers_E164_Id_Status_CountryCode_Type_Label",
                table: "PhoneNumbers",
                columns: new[] { "E164", "Id", "Status", "CountryCode", "Type", "Label" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PhoneNumbers_AccountId_CountryCode_E164_Id_Status",
                table: "PhoneNumbers");

            migrationBuilder.DropIndex(
                name: "IX_PhoneNumbers_AccountId_E164_Id_Status_Label",
                table: "PhoneNumbers");

            migrationBuilder.DropIndex(
                name: "IX_PhoneNumbers_AccountId_MonthlyPriceCents_E164_Id_Status",
                table: "PhoneNumbers");

            migrationBuilder.DropIndex(
                name: "IX_PhoneNumbers_AccountId_PurchasedAt_E164_Id_Status",
                table: "PhoneNumbers");

            migrationBuilder.DropIndex(
                name: "IX_PhoneNumbers_AccountId_Status_E164_Id",
                table: "PhoneNumbers");

            migrationBuilder.DropIndex(
                name: "IX_PhoneNumbers_AccountId_Type_E164_Id_Status",
                table: "PhoneNumbers");

            migrationBuilder.DropIndex(
                name: "IX_PhoneNumbers_E164_Id_Status_CountryCode_Type_Label",
                table: "PhoneNumbers");

            migrationBuilder.CreateIndex(
                name: "IX_PhoneNumbers_AccountId_E164",
                table: "PhoneNumbers",
                columns: new[] { "AccountId", "E164" });

            migrationBuilder.CreateIndex(
                name: "IX_PhoneNumbers_AccountId_Status_E164",
                table: "PhoneNumbers",
                columns: new[] { "AccountId", "Status", "E164" });

            migrationBuilder.CreateIndex(
                name: "IX_PhoneNumbers_E164",
                table: "PhoneNumbers",
                column: "E164");
        }
    }
}
