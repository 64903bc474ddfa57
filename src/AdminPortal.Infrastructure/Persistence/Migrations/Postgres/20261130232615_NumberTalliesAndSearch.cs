using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AdminPortal.Infrastructure.Persistence.Migrations.Postgres
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

            migrationBuilder.AlterColumn<string>(
                name: "Type",
                table: "PhoneNumbers",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "character varying(20)",
                oldMaxLength: 20);

            migrationBuilder.AlterColumn<string>(
                name: "Status",
                table: "PhoneNumbers",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "character varying(20)",
                oldMaxLength: 20);

            migrationBuilder.CreateTable(
                name: "NumberTallies",
                columns: table => new
                {
                    AccountId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CountryCode = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Count = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NumberTallies", x => new { x.AccountId, x.Status, x.CountryCode, x.Type });
                });

            migrationBuilder.CreateIndex(
                name: "IX_PhoneNumbers_AccountId_Label_E164_Id_Status",
                table: "PhoneNumbers",
                columns: new[] { "AccountId", "Label", "E164", "Id", "Status" });

            migrationBuilder.Sql(PostgresSql.CreateNumberTallies);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(PostgresSql.DropNumberTallies);

            migrationBuilder.DropTable(
                name: "NumberTallies");

            migrationBuilder.DropIndex(
                name: "IX_PhoneNumbers_AccountId_Label_E164_Id_Status",
                table: "PhoneNumbers");

            migrationBuilder.AlterColumn<string>(
                name: "Type",
                table: "PhoneNumbers",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(20)",
                oldMaxLength: 20,
                oldCollation: "C");

            migrationBuilder.AlterColumn<string>(
                name: "Status",
                table: "PhoneNumbers",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(20)",
                oldMaxLength: 20,
                oldCollation: "C");

            migrationBuilder.CreateIndex(
                name: "IX_PhoneNumbers_AccountId_MonthlyPriceCents_Descending",
                table: "PhoneNumbers",
                columns: new[] { "AccountId", "MonthlyPriceCents", "E164", "Id", "Status" },
                descending: new[] { false, true, false, false, false });
        }
    }
}
