using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace RcpHub.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SessionsPeopleAndRapporteurs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "RapporteurName",
                table: "Sessions",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Code",
                table: "Sessions",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RapporteurAffiliation",
                table: "Sessions",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "SessionPeople",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SessionId = table.Column<int>(type: "integer", nullable: false),
                    Role = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    StateCode = table.Column<string>(type: "character varying(3)", nullable: true),
                    OrganizationId = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SessionPeople", x => x.Id);
                    table.CheckConstraint("CK_SessionPeople_NotStateAndOrganization", "\"StateCode\" IS NULL OR \"OrganizationId\" IS NULL");
                    table.ForeignKey(
                        name: "FK_SessionPeople_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SessionPeople_Sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "Sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SessionPeople_States_StateCode",
                        column: x => x.StateCode,
                        principalTable: "States",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SessionPeople_OrganizationId",
                table: "SessionPeople",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_SessionPeople_SessionId",
                table: "SessionPeople",
                column: "SessionId");

            migrationBuilder.CreateIndex(
                name: "IX_SessionPeople_StateCode",
                table: "SessionPeople",
                column: "StateCode");

            // The session's chair and its speakers become people of the session, in their roles; the chair first.
            migrationBuilder.Sql("""
                INSERT INTO "SessionPeople" ("SessionId", "Role", "Position", "Name", "StateCode", "OrganizationId")
                SELECT "Id", 'Chair', 0, COALESCE("ChairName", ''), "ChairStateCode", "ChairOrganizationId" FROM "Sessions"
                WHERE "ChairName" IS NOT NULL OR "ChairStateCode" IS NOT NULL OR "ChairOrganizationId" IS NOT NULL;
                INSERT INTO "SessionPeople" ("SessionId", "Role", "Position", "Name", "StateCode", "OrganizationId")
                SELECT "SessionId", 'Speaker', "Position", "Name", "StateCode", "OrganizationId" FROM "SessionSpeakers";
                """);

            migrationBuilder.DropForeignKey(
                name: "FK_Sessions_Organizations_ChairOrganizationId",
                table: "Sessions");

            migrationBuilder.DropForeignKey(
                name: "FK_Sessions_States_ChairStateCode",
                table: "Sessions");

            migrationBuilder.DropTable(
                name: "SessionSpeakers");

            migrationBuilder.DropIndex(
                name: "IX_Sessions_ChairOrganizationId",
                table: "Sessions");

            migrationBuilder.DropIndex(
                name: "IX_Sessions_ChairStateCode",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "ChairOrganizationId",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "ChairStateCode",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "ChairName",
                table: "Sessions");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SessionPeople");

            migrationBuilder.DropColumn(
                name: "Code",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "RapporteurAffiliation",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "RapporteurName",
                table: "Sessions");

            migrationBuilder.AddColumn<string>(
                name: "ChairName",
                table: "Sessions",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ChairOrganizationId",
                table: "Sessions",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ChairStateCode",
                table: "Sessions",
                type: "character varying(3)",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "SessionSpeakers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SessionId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    OrganizationId = table.Column<int>(type: "integer", nullable: true),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    StateCode = table.Column<string>(type: "character varying(3)", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SessionSpeakers", x => x.Id);
                    table.CheckConstraint("CK_SessionSpeakers_StateXorOrganization", "(\"StateCode\" IS NULL) <> (\"OrganizationId\" IS NULL)");
                    table.ForeignKey(
                        name: "FK_SessionSpeakers_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SessionSpeakers_Sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "Sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SessionSpeakers_States_StateCode",
                        column: x => x.StateCode,
                        principalTable: "States",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Sessions_ChairOrganizationId",
                table: "Sessions",
                column: "ChairOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_Sessions_ChairStateCode",
                table: "Sessions",
                column: "ChairStateCode");

            migrationBuilder.CreateIndex(
                name: "IX_SessionSpeakers_OrganizationId",
                table: "SessionSpeakers",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_SessionSpeakers_SessionId",
                table: "SessionSpeakers",
                column: "SessionId");

            migrationBuilder.CreateIndex(
                name: "IX_SessionSpeakers_StateCode",
                table: "SessionSpeakers",
                column: "StateCode");

            migrationBuilder.AddForeignKey(
                name: "FK_Sessions_Organizations_ChairOrganizationId",
                table: "Sessions",
                column: "ChairOrganizationId",
                principalTable: "Organizations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Sessions_States_ChairStateCode",
                table: "Sessions",
                column: "ChairStateCode",
                principalTable: "States",
                principalColumn: "Code",
                onDelete: ReferentialAction.Restrict);
        }
    }
}
