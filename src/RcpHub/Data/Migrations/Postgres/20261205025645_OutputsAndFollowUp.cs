using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace RcpHub.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OutputsAndFollowUp : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "StatusLabels",
                columns: table => new
                {
                    ProcessId = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Language = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Label = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StatusLabels", x => new { x.ProcessId, x.Status, x.Language });
                    table.ForeignKey(
                        name: "FK_StatusLabels_Processes_ProcessId",
                        column: x => x.ProcessId,
                        principalTable: "Processes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EvaluationRounds",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProcessId = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    OutputId = table.Column<int>(type: "integer", nullable: true),
                    OpensAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DeadlineAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    OpenedByUserId = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvaluationRounds", x => x.Id);
                    table.CheckConstraint("CK_EvaluationRounds_DeadlineAfterOpening", "\"DeadlineAt\" > \"OpensAt\"");
                    table.ForeignKey(
                        name: "FK_EvaluationRounds_AspNetUsers_OpenedByUserId",
                        column: x => x.OpenedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EvaluationRounds_Processes_ProcessId",
                        column: x => x.ProcessId,
                        principalTable: "Processes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FollowUpReports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProcessId = table.Column<int>(type: "integer", nullable: false),
                    RecommendationId = table.Column<int>(type: "integer", nullable: false),
                    StateCode = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    RoundId = table.Column<int>(type: "integer", nullable: true),
                    RoundKey = table.Column<int>(type: "integer", nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    IsLatest = table.Column<bool>(type: "boolean", nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Action = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    ResponsibleMinistry = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    EvidenceText = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    EvidenceLinks = table.Column<List<string>>(type: "text[]", nullable: false),
                    On = table.Column<DateOnly>(type: "date", nullable: false),
                    ReportedByUserId = table.Column<string>(type: "text", nullable: false),
                    ReportedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Review = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ReviewNote = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ReviewedByUserId = table.Column<string>(type: "text", nullable: true),
                    ReviewedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowUpReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FollowUpReports_AspNetUsers_ReportedByUserId",
                        column: x => x.ReportedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FollowUpReports_AspNetUsers_ReviewedByUserId",
                        column: x => x.ReviewedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FollowUpReports_EvaluationRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "EvaluationRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_FollowUpReports_Processes_ProcessId",
                        column: x => x.ProcessId,
                        principalTable: "Processes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_FollowUpReports_States_StateCode",
                        column: x => x.StateCode,
                        principalTable: "States",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "OutputComments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OutputVersionId = table.Column<int>(type: "integer", nullable: false),
                    Paragraph = table.Column<int>(type: "integer", nullable: false),
                    StateCode = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    AuthorUserId = table.Column<string>(type: "text", nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutputComments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OutputComments_AspNetUsers_AuthorUserId",
                        column: x => x.AuthorUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_OutputComments_States_StateCode",
                        column: x => x.StateCode,
                        principalTable: "States",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "OutputPositions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OutputId = table.Column<int>(type: "integer", nullable: false),
                    StateCode = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ReservationText = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    On = table.Column<DateOnly>(type: "date", nullable: false),
                    RecordedByUserId = table.Column<string>(type: "text", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutputPositions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OutputPositions_AspNetUsers_RecordedByUserId",
                        column: x => x.RecordedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_OutputPositions_States_StateCode",
                        column: x => x.StateCode,
                        principalTable: "States",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Outputs",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProcessId = table.Column<int>(type: "integer", nullable: false),
                    MeetingId = table.Column<int>(type: "integer", nullable: true),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    OriginalLanguage = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Audience = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    AdoptedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    AdoptedAtMeetingId = table.Column<int>(type: "integer", nullable: true),
                    AdoptedVersionId = table.Column<int>(type: "integer", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Outputs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Outputs_Meetings_AdoptedAtMeetingId",
                        column: x => x.AdoptedAtMeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Outputs_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Outputs_Processes_ProcessId",
                        column: x => x.ProcessId,
                        principalTable: "Processes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OutputVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OutputId = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(100000)", maxLength: 100000, nullable: false),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    SavedByUserId = table.Column<string>(type: "text", nullable: false),
                    SavedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutputVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OutputVersions_AspNetUsers_SavedByUserId",
                        column: x => x.SavedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_OutputVersions_Outputs_OutputId",
                        column: x => x.OutputId,
                        principalTable: "Outputs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Recommendations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OutputId = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    OriginalLanguage = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    ToAllMembers = table.Column<bool>(type: "boolean", nullable: false),
                    ToSecretariat = table.Column<bool>(type: "boolean", nullable: false),
                    ToCivilSociety = table.Column<bool>(type: "boolean", nullable: false),
                    SourcePointId = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Recommendations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Recommendations_Outputs_OutputId",
                        column: x => x.OutputId,
                        principalTable: "Outputs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Recommendations_ReportPoints_SourcePointId",
                        column: x => x.SourcePointId,
                        principalTable: "ReportPoints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "RecommendationGcmObjectives",
                columns: table => new
                {
                    RecommendationId = table.Column<int>(type: "integer", nullable: false),
                    Objective = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RecommendationGcmObjectives", x => new { x.RecommendationId, x.Objective });
                    table.CheckConstraint("CK_RecommendationGcmObjectives_Objective", "\"Objective\" BETWEEN 1 AND 23");
                    table.ForeignKey(
                        name: "FK_RecommendationGcmObjectives_Recommendations_RecommendationId",
                        column: x => x.RecommendationId,
                        principalTable: "Recommendations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RecommendationSdgTargets",
                columns: table => new
                {
                    RecommendationId = table.Column<int>(type: "integer", nullable: false),
                    Code = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RecommendationSdgTargets", x => new { x.RecommendationId, x.Code });
                    table.ForeignKey(
                        name: "FK_RecommendationSdgTargets_Recommendations_RecommendationId",
                        column: x => x.RecommendationId,
                        principalTable: "Recommendations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RecommendationStates",
                columns: table => new
                {
                    RecommendationId = table.Column<int>(type: "integer", nullable: false),
                    StateCode = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RecommendationStates", x => new { x.RecommendationId, x.StateCode });
                    table.ForeignKey(
                        name: "FK_RecommendationStates_Recommendations_RecommendationId",
                        column: x => x.RecommendationId,
                        principalTable: "Recommendations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RecommendationStates_States_StateCode",
                        column: x => x.StateCode,
                        principalTable: "States",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RecommendationThemes",
                columns: table => new
                {
                    RecommendationId = table.Column<int>(type: "integer", nullable: false),
                    ThemeId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RecommendationThemes", x => new { x.RecommendationId, x.ThemeId });
                    table.ForeignKey(
                        name: "FK_RecommendationThemes_Recommendations_RecommendationId",
                        column: x => x.RecommendationId,
                        principalTable: "Recommendations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RecommendationThemes_Themes_ThemeId",
                        column: x => x.ThemeId,
                        principalTable: "Themes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RecommendationTranslations",
                columns: table => new
                {
                    RecommendationId = table.Column<int>(type: "integer", nullable: false),
                    Language = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RecommendationTranslations", x => new { x.RecommendationId, x.Language });
                    table.ForeignKey(
                        name: "FK_RecommendationTranslations_Recommendations_RecommendationId",
                        column: x => x.RecommendationId,
                        principalTable: "Recommendations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationRounds_ClosedAt_DeadlineAt",
                table: "EvaluationRounds",
                columns: new[] { "ClosedAt", "DeadlineAt" });

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationRounds_OpenedByUserId",
                table: "EvaluationRounds",
                column: "OpenedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationRounds_OutputId",
                table: "EvaluationRounds",
                column: "OutputId");

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationRounds_ProcessId_DeadlineAt",
                table: "EvaluationRounds",
                columns: new[] { "ProcessId", "DeadlineAt" });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpReports_ProcessId_IsLatest_RoundKey",
                table: "FollowUpReports",
                columns: new[] { "ProcessId", "IsLatest", "RoundKey" });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpReports_RecommendationId_StateCode_RoundKey_Sequence",
                table: "FollowUpReports",
                columns: new[] { "RecommendationId", "StateCode", "RoundKey", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpReports_ReportedByUserId",
                table: "FollowUpReports",
                column: "ReportedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpReports_ReviewedByUserId",
                table: "FollowUpReports",
                column: "ReviewedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpReports_RoundId",
                table: "FollowUpReports",
                column: "RoundId");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpReports_StateCode_IsLatest",
                table: "FollowUpReports",
                columns: new[] { "StateCode", "IsLatest" });

            migrationBuilder.CreateIndex(
                name: "IX_OutputComments_AuthorUserId",
                table: "OutputComments",
                column: "AuthorUserId");

            migrationBuilder.CreateIndex(
                name: "IX_OutputComments_OutputVersionId_Paragraph",
                table: "OutputComments",
                columns: new[] { "OutputVersionId", "Paragraph" });

            migrationBuilder.CreateIndex(
                name: "IX_OutputComments_StateCode",
                table: "OutputComments",
                column: "StateCode");

            migrationBuilder.CreateIndex(
                name: "IX_OutputPositions_OutputId_StateCode",
                table: "OutputPositions",
                columns: new[] { "OutputId", "StateCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OutputPositions_RecordedByUserId",
                table: "OutputPositions",
                column: "RecordedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_OutputPositions_StateCode",
                table: "OutputPositions",
                column: "StateCode");

            migrationBuilder.CreateIndex(
                name: "IX_Outputs_AdoptedAtMeetingId",
                table: "Outputs",
                column: "AdoptedAtMeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_Outputs_AdoptedVersionId",
                table: "Outputs",
                column: "AdoptedVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_Outputs_MeetingId",
                table: "Outputs",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_Outputs_ProcessId_AdoptedOn",
                table: "Outputs",
                columns: new[] { "ProcessId", "AdoptedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_OutputVersions_OutputId_Number",
                table: "OutputVersions",
                columns: new[] { "OutputId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OutputVersions_SavedByUserId",
                table: "OutputVersions",
                column: "SavedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_Recommendations_OutputId_Number",
                table: "Recommendations",
                columns: new[] { "OutputId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Recommendations_SourcePointId",
                table: "Recommendations",
                column: "SourcePointId");

            migrationBuilder.CreateIndex(
                name: "IX_RecommendationStates_StateCode",
                table: "RecommendationStates",
                column: "StateCode");

            migrationBuilder.CreateIndex(
                name: "IX_RecommendationThemes_ThemeId",
                table: "RecommendationThemes",
                column: "ThemeId");

            migrationBuilder.AddForeignKey(
                name: "FK_EvaluationRounds_Outputs_OutputId",
                table: "EvaluationRounds",
                column: "OutputId",
                principalTable: "Outputs",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_FollowUpReports_Recommendations_RecommendationId",
                table: "FollowUpReports",
                column: "RecommendationId",
                principalTable: "Recommendations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_OutputComments_OutputVersions_OutputVersionId",
                table: "OutputComments",
                column: "OutputVersionId",
                principalTable: "OutputVersions",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_OutputPositions_Outputs_OutputId",
                table: "OutputPositions",
                column: "OutputId",
                principalTable: "Outputs",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_Outputs_OutputVersions_AdoptedVersionId",
                table: "Outputs",
                column: "AdoptedVersionId",
                principalTable: "OutputVersions",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_OutputVersions_Outputs_OutputId",
                table: "OutputVersions");

            migrationBuilder.DropTable(
                name: "FollowUpReports");

            migrationBuilder.DropTable(
                name: "OutputComments");

            migrationBuilder.DropTable(
                name: "OutputPositions");

            migrationBuilder.DropTable(
                name: "RecommendationGcmObjectives");

            migrationBuilder.DropTable(
                name: "RecommendationSdgTargets");

            migrationBuilder.DropTable(
                name: "RecommendationStates");

            migrationBuilder.DropTable(
                name: "RecommendationThemes");

            migrationBuilder.DropTable(
                name: "RecommendationTranslations");

            migrationBuilder.DropTable(
                name: "StatusLabels");

            migrationBuilder.DropTable(
                name: "EvaluationRounds");

            migrationBuilder.DropTable(
                name: "Recommendations");

            migrationBuilder.DropTable(
                name: "Outputs");

            migrationBuilder.DropTable(
                name: "OutputVersions");
        }
    }
}
