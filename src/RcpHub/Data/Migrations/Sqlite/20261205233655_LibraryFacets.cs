using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RcpHub.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LibraryFacets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SearchTags",
                columns: table => new
                {
                    EntryId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Value = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SearchTags", x => new { x.EntryId, x.Kind, x.Value });
                    table.ForeignKey(
                        name: "FK_SearchTags_SearchEntries_EntryId",
                        column: x => x.EntryId,
                        principalTable: "SearchEntries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SearchTags_Kind_Value",
                table: "SearchTags",
                columns: new[] { "Kind", "Value" });

            // The index is derived (decision 0031): emptied here, it is rebuilt by migrate (and SQLite start-up) with the
            // recommendations and the theme and objective tags (decision 0036). The FTS5 table follows through its
            // delete trigger; its tokenizer stays unicode61 (no porter stemming on SQLite, decision 0036).
            migrationBuilder.Sql("DELETE FROM SearchEntries;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SearchTags");
        }
    }
}
