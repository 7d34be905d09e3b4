using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace RcpHub.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class FollowUpEvidencePolicyChangesAndIndexes : Migration
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

            migrationBuilder.CreateTable(
                name: "FollowUpEvidenceFiles",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ReportId = table.Column<int>(type: "integer", nullable: false),
                    FileName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Length = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowUpEvidenceFiles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FollowUpEvidenceFiles_FollowUpReports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "FollowUpReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PolicyChanges",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProcessId = table.Column<int>(type: "integer", nullable: false),
                    StateCode = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    On = table.Column<DateOnly>(type: "date", nullable: false),
                    Link = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    RecordedByUserId = table.Column<string>(type: "text", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PolicyChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PolicyChanges_AspNetUsers_RecordedByUserId",
                        column: x => x.RecordedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PolicyChanges_Processes_ProcessId",
                        column: x => x.ProcessId,
                        principalTable: "Processes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PolicyChanges_States_StateCode",
                        column: x => x.StateCode,
                        principalTable: "States",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FollowUpEvidenceContents",
                columns: table => new
                {
                    FileId = table.Column<int>(type: "integer", nullable: false),
                    Bytes = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowUpEvidenceContents", x => x.FileId);
                    table.ForeignKey(
                        name: "FK_FollowUpEvidenceContents_FollowUpEvidenceFiles_FileId",
                        column: x => x.FileId,
                        principalTable: "FollowUpEvidenceFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PolicyChangeRecommendations",
                columns: table => new
                {
                    PolicyChangeId = table.Column<int>(type: "integer", nullable: false),
                    RecommendationId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PolicyChangeRecommendations", x => new { x.PolicyChangeId, x.RecommendationId });
                    table.ForeignKey(
                        name: "FK_PolicyChangeRecommendations_PolicyChanges_PolicyChangeId",
                        column: x => x.PolicyChangeId,
                        principalTable: "PolicyChanges",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PolicyChangeRecommendations_Recommendations_RecommendationId",
                        column: x => x.RecommendationId,
                        principalTable: "Recommendations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PolicyChangeThemes",
                columns: table => new
                {
                    PolicyChangeId = table.Column<int>(type: "integer", nullable: false),
                    ThemeId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PolicyChangeThemes", x => new { x.PolicyChangeId, x.ThemeId });
                    table.ForeignKey(
                        name: "FK_PolicyChangeThemes_PolicyChanges_PolicyChangeId",
                        column: x => x.PolicyChangeId,
                        principalTable: "PolicyChanges",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PolicyChangeThemes_Themes_ThemeId",
                        column: x => x.ThemeId,
                        principalTable: "Themes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpReports_ProcessId_RoundKey_IsLatest",
                table: "FollowUpReports",
                columns: new[] { "ProcessId", "RoundKey", "IsLatest" });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpReports_StateCode_ProcessId_RoundKey_IsLatest",
                table: "FollowUpReports",
                columns: new[] { "StateCode", "ProcessId", "RoundKey", "IsLatest" });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpEvidenceFiles_ReportId",
                table: "FollowUpEvidenceFiles",
                column: "ReportId");

            migrationBuilder.CreateIndex(
                name: "IX_PolicyChangeRecommendations_RecommendationId",
                table: "PolicyChangeRecommendations",
                column: "RecommendationId");

            migrationBuilder.CreateIndex(
                name: "IX_PolicyChanges_ProcessId_StateCode_On",
                table: "PolicyChanges",
                columns: new[] { "ProcessId", "StateCode", "On" });

            migrationBuilder.CreateIndex(
                name: "IX_PolicyChanges_RecordedByUserId",
                table: "PolicyChanges",
                column: "RecordedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_PolicyChanges_StateCode",
                table: "PolicyChanges",
                column: "StateCode");

            migrationBuilder.CreateIndex(
                name: "IX_PolicyChangeThemes_ThemeId",
                table: "PolicyChangeThemes",
                column: "ThemeId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FollowUpEvidenceContents");

            migrationBuilder.DropTable(
                name: "PolicyChangeRecommendations");

            migrationBuilder.DropTable(
                name: "PolicyChangeThemes");

            migrationBuilder.DropTable(
                name: "FollowUpEvidenceFiles");

            migrationBuilder.DropTable(
                name: "PolicyChanges");

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
