using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AdminPortal.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class NumberTalliesAndSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PhoneNumbers_AccountId_MonthlyPriceCents_Descending",
                table: "PhoneNumbers");

            migrationBuilder.CreateTable(
                name: "NumberTallies",
                columns: table => new
                {
                    AccountId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CountryCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Count = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NumberTallies", x => new { x.AccountId, x.Status, x.CountryCode, x.Type });
                });

            migrationBuilder.CreateIndex(
                name: "IX_PhoneNumbers_AccountId_Label_E164_Id_Status",
                table: "PhoneNumbers",
                columns: new[] { "AccountId", "Label", "E164", "Id", "Status" });

            migrationBuilder.Sql(SqliteSql.CreateNumberTallies);
            migrationBuilder.Sql(SqliteSql.CreateNumberSearch);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(SqliteSql.DropNumberSearch);
            migrationBuilder.Sql(SqliteSql.DropNumberTallies);

            migrationBuilder.DropTable(
                name: "NumberTallies");

            migrationBuilder.DropIndex(
                name: "IX_PhoneNumbers_AccountId_Label_E164_Id_Status",
                table: "PhoneNumbers");

            migrationBuilder.CreateIndex(
                name: "IX_PhoneNumbers_AccountId_MonthlyPriceCents_Descending",
                table: "PhoneNumbers",
                columns: new[] { "AccountId", "MonthlyPriceCents", "E164", "Id", "Status" },
                descending: new[] { false, true, false, false, false });
        }
    }
}
