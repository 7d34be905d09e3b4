using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace RcpHub.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CsocallsCalls : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ParticipationCalls",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProcessId = table.Column<int>(type: "integer", nullable: false),
                    MeetingId = table.Column<int>(type: "integer", nullable: true),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Eligibility = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Places = table.Column<int>(type: "integer", nullable: false),
                    TravelFunded = table.Column<bool>(type: "boolean", nullable: false),
                    Deadline = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Method = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    LotteryThreshold = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: true),
                    AppealDays = table.Column<int>(type: "integer", nullable: false),
                    CreatedByUserId = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    PublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Proposal = table.Column<string>(type: "text", nullable: true),
                    ProposedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Seed = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    SeedCommitment = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    DrawnAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReportPublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ParticipationCalls", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ParticipationCalls_AspNetUsers_CreatedByUserId",
                        column: x => x.CreatedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ParticipationCalls_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ParticipationCalls_Processes_ProcessId",
                        column: x => x.ProcessId,
                        principalTable: "Processes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CallApplications",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CallId = table.Column<int>(type: "integer", nullable: false),
                    OrganizationId = table.Column<int>(type: "integer", nullable: false),
                    Pseudonym = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    SubmittedByUserId = table.Column<string>(type: "text", nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Route = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
                    Motivation = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    RepresentativeName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RepresentativeEmail = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RepresentativeGender = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    FirstTime = table.Column<bool>(type: "boolean", nullable: false),
                    ConflictOfInterest = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    CountryCode = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    OrganizationType = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    MigrantLed = table.Column<bool>(type: "boolean", nullable: false),
                    Outcome = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    DepartureReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CallApplications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CallApplications_AspNetUsers_SubmittedByUserId",
                        column: x => x.SubmittedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CallApplications_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CallApplications_ParticipationCalls_CallId",
                        column: x => x.CallId,
                        principalTable: "ParticipationCalls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CallChange",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CallId = table.Column<int>(type: "integer", nullable: false),
                    ChangedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ChangedByUserId = table.Column<string>(type: "text", nullable: false),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CallChange", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CallChange_AspNetUsers_ChangedByUserId",
                        column: x => x.ChangedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CallChange_ParticipationCalls_CallId",
                        column: x => x.CallId,
                        principalTable: "ParticipationCalls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CallCriterion",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CallId = table.Column<int>(type: "integer", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Weight = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CallCriterion", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CallCriterion_ParticipationCalls_CallId",
                        column: x => x.CallId,
                        principalTable: "ParticipationCalls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CallPanelMembers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CallId = table.Column<int>(type: "integer", nullable: false),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    AddedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CallPanelMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CallPanelMembers_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CallPanelMembers_ParticipationCalls_CallId",
                        column: x => x.CallId,
                        principalTable: "ParticipationCalls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CallRegion",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CallId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Countries = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CallRegion", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CallRegion_ParticipationCalls_CallId",
                        column: x => x.CallId,
                        principalTable: "ParticipationCalls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CallTarget",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CallId = table.Column<int>(type: "integer", nullable: false),
                    Trait = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Value = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Min = table.Column<int>(type: "integer", nullable: true),
                    Max = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CallTarget", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CallTarget_ParticipationCalls_CallId",
                        column: x => x.CallId,
                        principalTable: "ParticipationCalls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CallConflicts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ApplicationId = table.Column<int>(type: "integer", nullable: false),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    DeclaredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CallConflicts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CallConflicts_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CallConflicts_CallApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "CallApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CallScores",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ApplicationId = table.Column<int>(type: "integer", nullable: false),
                    CriterionId = table.Column<int>(type: "integer", nullable: false),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    Value = table.Column<int>(type: "integer", nullable: false),
                    ScoredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CallScores", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CallScores_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CallScores_CallApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "CallApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CallScores_CallCriterion_CriterionId",
                        column: x => x.CriterionId,
                        principalTable: "CallCriterion",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CallApplications_CallId_OrganizationId",
                table: "CallApplications",
                columns: new[] { "CallId", "OrganizationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CallApplications_CallId_Pseudonym",
                table: "CallApplications",
                columns: new[] { "CallId", "Pseudonym" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CallApplications_OrganizationId",
                table: "CallApplications",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_CallApplications_SubmittedByUserId",
                table: "CallApplications",
                column: "SubmittedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_CallChange_CallId",
                table: "CallChange",
                column: "CallId");

            migrationBuilder.CreateIndex(
                name: "IX_CallChange_ChangedByUserId",
                table: "CallChange",
                column: "ChangedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_CallConflicts_ApplicationId_UserId",
                table: "CallConflicts",
                columns: new[] { "ApplicationId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CallConflicts_UserId",
                table: "CallConflicts",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_CallCriterion_CallId",
                table: "CallCriterion",
                column: "CallId");

            migrationBuilder.CreateIndex(
                name: "IX_CallPanelMembers_CallId_UserId",
                table: "CallPanelMembers",
                columns: new[] { "CallId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CallPanelMembers_UserId",
                table: "CallPanelMembers",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_CallRegion_CallId",
                table: "CallRegion",
                column: "CallId");

            migrationBuilder.CreateIndex(
                name: "IX_CallScores_ApplicationId_UserId_CriterionId",
                table: "CallScores",
                columns: new[] { "ApplicationId", "UserId", "CriterionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CallScores_CriterionId",
                table: "CallScores",
                column: "CriterionId");

            migrationBuilder.CreateIndex(
                name: "IX_CallScores_UserId",
                table: "CallScores",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_CallTarget_CallId",
                table: "CallTarget",
                column: "CallId");

            migrationBuilder.CreateIndex(
                name: "IX_ParticipationCalls_CreatedByUserId",
                table: "ParticipationCalls",
                column: "CreatedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_ParticipationCalls_MeetingId",
                table: "ParticipationCalls",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_ParticipationCalls_ProcessId_Deadline",
                table: "ParticipationCalls",
                columns: new[] { "ProcessId", "Deadline" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CallChange");

            migrationBuilder.DropTable(
                name: "CallConflicts");

            migrationBuilder.DropTable(
                name: "CallPanelMembers");

            migrationBuilder.DropTable(
                name: "CallRegion");

            migrationBuilder.DropTable(
                name: "CallScores");

            migrationBuilder.DropTable(
                name: "CallTarget");

            migrationBuilder.DropTable(
                name: "CallApplications");

            migrationBuilder.DropTable(
                name: "CallCriterion");

            migrationBuilder.DropTable(
                name: "ParticipationCalls");
        }
    }
}
