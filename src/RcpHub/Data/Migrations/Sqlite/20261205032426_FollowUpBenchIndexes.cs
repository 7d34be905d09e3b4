using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RcpHub.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FollowUpBenchIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_FollowUpReports_ProcessId_IsLatest_RoundKey",
                table: "FollowUpReports");

            migrationBuilder.DropIndex(
                name: "IX_FollowUpReports_StateCode_IsLatest",
                table: "FollowUpReports");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpReports_ProcessId_RoundKey_IsLatest",
                table: "FollowUpReports",
                columns: new[] { "ProcessId", "RoundKey", "IsLatest" });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpReports_StateCode_ProcessId_RoundKey_IsLatest",
                table: "FollowUpReports",
                columns: new[] { "StateCode", "ProcessId", "RoundKey", "IsLatest" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_FollowUpReports_ProcessId_RoundKey_IsLatest",
                table: "FollowUpReports");

            migrationBuilder.DropIndex(
                name: "IX_FollowUpReports_StateCode_ProcessId_RoundKey_IsLatest",
                table: "FollowUpReports");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpReports_ProcessId_IsLatest_RoundKey",
                table: "FollowUpReports",
                columns: new[] { "ProcessId", "IsLatest", "RoundKey" });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpReports_StateCode_IsLatest",
                table: "FollowUpReports",
                columns: new[] { "StateCode", "IsLatest" });
        }
    }
}
