using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AdminPortal.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class StaffNumberIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_PhoneNumbers_CountryCode_E164_Id_Status",
                table: "PhoneNumbers",
                columns: new[] { "CountryCode", "E164", "Id", "Status" });

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

            migrationBuilder.CreateIndex(
                name: "IX_PhoneNumbers_Status_E164_Id",
                table: "PhoneNumbers",
                columns: new[] { "Status", "E164", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_PhoneNumbers_Type_E164_Id_Status",
                table: "PhoneNumbers",
                columns: new[] { "Type", "E164", "Id", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PhoneNumbers_CountryCode_E164_Id_Status",
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

            migrationBuilder.DropIndex(
                name: "IX_PhoneNumbers_Status_E164_Id",
                table: "PhoneNumbers");

            migrationBuilder.DropIndex(
                name: "IX_PhoneNumbers_Type_E164_Id_Status",
                table: "PhoneNumbers");
        }
    }
}
