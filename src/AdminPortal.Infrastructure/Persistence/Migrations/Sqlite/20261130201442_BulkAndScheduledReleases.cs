using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AdminPortal.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class BulkAndScheduledReleases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ReleaseRequests_OnePendingPerNumber",
                table: "ReleaseRequests");

            migrationBuilder.AddColumn<string>(
                name: "BatchId",
                table: "ReleaseRequests",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "FirstApprovedAt",
                table: "ReleaseRequests",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FirstApprovedById",
                table: "ReleaseRequests",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FirstApprovedByName",
                table: "ReleaseRequests",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ScheduledFor",
                table: "ReleaseRequests",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SecondApprovalReasons",
                table: "ReleaseRequests",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Timing",
                table: "ReleaseRequests",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "Now");

            migrationBuilder.AddColumn<int>(
                name: "CallsLast30Days",
                table: "PhoneNumbers",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "IX_ReleaseRequests_BatchId",
                table: "ReleaseRequests",
                column: "BatchId",
                filter: "\"BatchId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ReleaseRequests_OnePendingPerNumber",
                table: "ReleaseRequests",
                column: "PhoneNumberId",
                unique: true,
                filter: "\"Status\" IN ('Pending', 'Scheduled')");

            migrationBuilder.CreateIndex(
                name: "IX_ReleaseRequests_Status_ScheduledFor",
                table: "ReleaseRequests",
                columns: new[] { "Status", "ScheduledFor" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ReleaseRequests_BatchId",
                table: "ReleaseRequests");

            migrationBuilder.DropIndex(
                name: "IX_ReleaseRequests_OnePendingPerNumber",
                table: "ReleaseRequests");

            migrationBuilder.DropIndex(
                name: "IX_ReleaseRequests_Status_ScheduledFor",
                table: "ReleaseRequests");

            migrationBuilder.DropColumn(
                name: "BatchId",
                table: "ReleaseRequests");

            migrationBuilder.DropColumn(
                name: "FirstApprovedAt",
                table: "ReleaseRequests");

            migrationBuilder.DropColumn(
                name: "FirstApprovedById",
                table: "ReleaseRequests");

            migrationBuilder.DropColumn(
                name: "FirstApprovedByName",
                table: "ReleaseRequests");

            migrationBuilder.DropColumn(
                name: "ScheduledFor",
                table: "ReleaseRequests");

            migrationBuilder.DropColumn(
                name: "SecondApprovalReasons",
                table: "ReleaseRequests");

            migrationBuilder.DropColumn(
                name: "Timing",
                table: "ReleaseRequests");

            migrationBuilder.DropColumn(
                name: "CallsLast30Days",
                table: "PhoneNumbers");

            migrationBuilder.CreateIndex(
                name: "IX_ReleaseRequests_OnePendingPerNumber",
                table: "ReleaseRequests",
                column: "PhoneNumberId",
                unique: true,
                filter: "\"Status\" = 'Pending'");
        }
    }
}
