using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RcpHub.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ImpactPolicyChanges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PolicyChanges",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProcessId = table.Column<int>(type: "INTEGER", nullable: false),
                    StateCode = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    On = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Link = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    RecordedByUserId = table.Column<string>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
                name: "PolicyChangeRecommendations",
                columns: table => new
                {
                    PolicyChangeId = table.Column<int>(type: "INTEGER", nullable: false),
                    RecommendationId = table.Column<int>(type: "INTEGER", nullable: false)
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
                    PolicyChangeId = table.Column<int>(type: "INTEGER", nullable: false),
                    ThemeId = table.Column<int>(type: "INTEGER", nullable: false)
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
                name: "PolicyChangeRecommendations");

            migrationBuilder.DropTable(
                name: "PolicyChangeThemes");

            migrationBuilder.DropTable(
                name: "PolicyChanges");
        }
    }
}
