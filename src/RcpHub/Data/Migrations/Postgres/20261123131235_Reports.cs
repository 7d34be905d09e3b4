using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace RcpHub.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Reports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MeetingReportVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MeetingId = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Introduction = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    SavedByUserId = table.Column<string>(type: "text", nullable: false),
                    SavedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AdoptedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingReportVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MeetingReportVersions_AspNetUsers_SavedByUserId",
                        column: x => x.SavedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MeetingReportVersions_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SessionReportVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SessionId = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Summary = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Discussion = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    SavedByUserId = table.Column<string>(type: "text", nullable: false),
                    SavedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SessionReportVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SessionReportVersions_AspNetUsers_SavedByUserId",
                        column: x => x.SavedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SessionReportVersions_Sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "Sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MeetingReportEntries",
                columns: table => new
                {
                    MeetingReportVersionId = table.Column<int>(type: "integer", nullable: false),
                    SessionReportVersionId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingReportEntries", x => new { x.MeetingReportVersionId, x.SessionReportVersionId });
                    table.ForeignKey(
                        name: "FK_MeetingReportEntries_MeetingReportVersions_MeetingReportVer~",
                        column: x => x.MeetingReportVersionId,
                        principalTable: "MeetingReportVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MeetingReportEntries_SessionReportVersions_SessionReportVer~",
                        column: x => x.SessionReportVersionId,
                        principalTable: "SessionReportVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReportPoints",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    VersionId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportPoints", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReportPoints_SessionReportVersions_VersionId",
                        column: x => x.VersionId,
                        principalTable: "SessionReportVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MeetingReportEntries_SessionReportVersionId",
                table: "MeetingReportEntries",
                column: "SessionReportVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_MeetingReportVersions_MeetingId_Number",
                table: "MeetingReportVersions",
                columns: new[] { "MeetingId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MeetingReportVersions_SavedByUserId",
                table: "MeetingReportVersions",
                column: "SavedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_ReportPoints_VersionId",
                table: "ReportPoints",
                column: "VersionId");

            migrationBuilder.CreateIndex(
                name: "IX_SessionReportVersions_SavedByUserId",
                table: "SessionReportVersions",
                column: "SavedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_SessionReportVersions_SessionId_Number",
                table: "SessionReportVersions",
                columns: new[] { "SessionId", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MeetingReportEntries");

            migrationBuilder.DropTable(
                name: "ReportPoints");

            migrationBuilder.DropTable(
                name: "MeetingReportVersions");

            migrationBuilder.DropTable(
                name: "SessionReportVersions");
        }
    }
}
