using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RcpHub.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Search : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SearchName",
                table: "Processes",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SearchSummary",
                table: "Meetings",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SearchTitle",
                table: "Meetings",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SearchText",
                table: "DocumentVersions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SearchTitle",
                table: "Documents",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SearchText",
                table: "AgendaItems",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SearchName",
                table: "Processes");

            migrationBuilder.DropColumn(
                name: "SearchSummary",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "SearchTitle",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "SearchText",
                table: "DocumentVersions");

            migrationBuilder.DropColumn(
                name: "SearchTitle",
                table: "Documents");

            migrationBuilder.DropColumn(
                name: "SearchText",
                table: "AgendaItems");
        }
    }
}
