using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RcpHub.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class FutstatusLatest : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "IsLatestAcrossRounds",
                table: "FollowUpReports",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            // Reports saved before the flag: the pair's report in force across rounds marked by the rule every save now applies.
            migrationBuilder.Sql(FollowUpLatestAcrossRounds.MarkSql);

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpReports_LatestAcrossRounds",
                table: "FollowUpReports",
                columns: new[] { "ProcessId", "StateCode", "Status", "Review", "RecommendationId", "RoundKey", "IsLatestAcrossRounds" },
                filter: "\"IsLatestAcrossRounds\"");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_FollowUpReports_LatestAcrossRounds",
                table: "FollowUpReports");

            migrationBuilder.DropColumn(
                name: "IsLatestAcrossRounds",
                table: "FollowUpReports");
        }
    }
}
