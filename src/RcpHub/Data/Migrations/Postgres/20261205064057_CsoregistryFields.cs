using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace RcpHub.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CsoregistryFields : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CivilSocietyType",
                table: "Organizations",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<List<string>>(
                name: "CountryCodes",
                table: "Organizations",
                type: "text[]",
                nullable: false);

            migrationBuilder.AddColumn<string>(
                name: "Description",
                table: "Organizations",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<List<string>>(
                name: "Languages",
                table: "Organizations",
                type: "text[]",
                nullable: false);

            migrationBuilder.AddColumn<bool>(
                name: "MigrantLed",
                table: "Organizations",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "RegisteredAt",
                table: "Organizations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Verification",
                table: "Organizations",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "Pending");

            migrationBuilder.AddColumn<string>(
                name: "VerificationNote",
                table: "Organizations",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "VerifiedAt",
                table: "Organizations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "VerifiedByUserId",
                table: "Organizations",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Website",
                table: "Organizations",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "OrganizationEvidenceFiles",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrganizationId = table.Column<int>(type: "integer", nullable: false),
                    FileName = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Length = table.Column<long>(type: "bigint", nullable: false),
                    Bytes = table.Column<byte[]>(type: "bytea", nullable: false),
                    AddedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AddedByUserId = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OrganizationEvidenceFiles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OrganizationEvidenceFiles_AspNetUsers_AddedByUserId",
                        column: x => x.AddedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_OrganizationEvidenceFiles_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OrganizationThemes",
                columns: table => new
                {
                    OrganizationId = table.Column<int>(type: "integer", nullable: false),
                    ThemeId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OrganizationThemes", x => new { x.OrganizationId, x.ThemeId });
                    table.ForeignKey(
                        name: "FK_OrganizationThemes_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_OrganizationThemes_Themes_ThemeId",
                        column: x => x.ThemeId,
                        principalTable: "Themes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OrganizationEvidenceFiles_AddedByUserId",
                table: "OrganizationEvidenceFiles",
                column: "AddedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_OrganizationEvidenceFiles_OrganizationId",
                table: "OrganizationEvidenceFiles",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_OrganizationThemes_ThemeId",
                table: "OrganizationThemes",
                column: "ThemeId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "OrganizationEvidenceFiles");

            migrationBuilder.DropTable(
                name: "OrganizationThemes");

            migrationBuilder.DropColumn(
                name: "CivilSocietyType",
                table: "Organizations");

            migrationBuilder.DropColumn(
                name: "CountryCodes",
                table: "Organizations");

            migrationBuilder.DropColumn(
                name: "Description",
                table: "Organizations");

            migrationBuilder.DropColumn(
                name: "Languages",
                table: "Organizations");

            migrationBuilder.DropColumn(
                name: "MigrantLed",
                table: "Organizations");

            migrationBuilder.DropColumn(
                name: "RegisteredAt",
                table: "Organizations");

            migrationBuilder.DropColumn(
                name: "Verification",
                table: "Organizations");

            migrationBuilder.DropColumn(
                name: "VerificationNote",
                table: "Organizations");

            migrationBuilder.DropColumn(
                name: "VerifiedAt",
                table: "Organizations");

            migrationBuilder.DropColumn(
                name: "VerifiedByUserId",
                table: "Organizations");

            migrationBuilder.DropColumn(
                name: "Website",
                table: "Organizations");
        }
    }
}
