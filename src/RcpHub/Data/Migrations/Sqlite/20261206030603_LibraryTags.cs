using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RcpHub.Data.Migrations.Sqlite
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
                type: "TEXT",
                maxLength: 2,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Level",
                table: "SavedSearches",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Objective",
                table: "SavedSearches",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Region",
                table: "SavedSearches",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Theme",
                table: "SavedSearches",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "GcmObjectives",
                table: "Meetings",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "ThemeIds",
                table: "Meetings",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");
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
