using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RcpHub.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class LibraryTags : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Language",
                table: "SavedSearches",
                type: "character varying(2)",
                maxLength: 2,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Level",
                table: "SavedSearches",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Objective",
                table: "SavedSearches",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Region",
                table: "SavedSearches",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Theme",
                table: "SavedSearches",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<List<int>>(
                name: "GcmObjectives",
                table: "Meetings",
                type: "integer[]",
                nullable: false);

            migrationBuilder.AddColumn<List<int>>(
                name: "ThemeIds",
                table: "Meetings",
                type: "integer[]",
                nullable: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Language",
                table: "SavedSearches");

            migrationBuilder.DropColumn(
                name: "Level",
                table: "SavedSearches");

            migrationBuilder.DropColumn(
                name: "Objective",
                table: "SavedSearches");

            migrationBuilder.DropColumn(
                name: "Region",
                table: "SavedSearches");

            migrationBuilder.DropColumn(
                name: "Theme",
                table: "SavedSearches");

            migrationBuilder.DropColumn(
                name: "GcmObjectives",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "ThemeIds",
                table: "Meetings");
        }
    }
}
