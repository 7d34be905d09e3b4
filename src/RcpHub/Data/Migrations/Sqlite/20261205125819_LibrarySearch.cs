using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RcpHub.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LibrarySearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SearchEntries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Path = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ProcessId = table.Column<int>(type: "INTEGER", nullable: true),
                    MeetingId = table.Column<int>(type: "INTEGER", nullable: true),
                    DocumentId = table.Column<int>(type: "INTEGER", nullable: true),
                    OutputId = table.Column<int>(type: "INTEGER", nullable: true),
                    Language = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true),
                    Year = table.Column<int>(type: "INTEGER", nullable: true),
                    Level = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Region = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Title = table.Column<string>(type: "TEXT", nullable: false),
                    Body = table.Column<string>(type: "TEXT", nullable: true),
                    Context = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SearchEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SearchEntries_Documents_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "Documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SearchEntries_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SearchEntries_Outputs_OutputId",
                        column: x => x.OutputId,
                        principalTable: "Outputs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SearchEntries_Processes_ProcessId",
                        column: x => x.ProcessId,
                        principalTable: "Processes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SearchEntries_DocumentId",
                table: "SearchEntries",
                column: "DocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_SearchEntries_Kind_Key",
                table: "SearchEntries",
                columns: new[] { "Kind", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SearchEntries_MeetingId",
                table: "SearchEntries",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_SearchEntries_OutputId",
                table: "SearchEntries",
                column: "OutputId");

            migrationBuilder.CreateIndex(
                name: "IX_SearchEntries_ProcessId",
                table: "SearchEntries",
                column: "ProcessId");

            // The engine's index over the table (decision 0031): FTS5 with the entries as external content, kept in step by
            // triggers so that every write of an entry, EF's or a cascade's, reaches it.
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE SearchIndex USING fts5(Title, Body, content='SearchEntries', content_rowid='Id', tokenize='unicode61 remove_diacritics 2');
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER SearchEntries_ai AFTER INSERT ON SearchEntries BEGIN
                  INSERT INTO SearchIndex(rowid, Title, Body) VALUES (new.Id, new.Title, new.Body);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER SearchEntries_ad AFTER DELETE ON SearchEntries BEGIN
                  INSERT INTO SearchIndex(SearchIndex, rowid, Title, Body) VALUES ('delete', old.Id, old.Title, old.Body);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER SearchEntries_au AFTER UPDATE ON SearchEntries BEGIN
                  INSERT INTO SearchIndex(SearchIndex, rowid, Title, Body) VALUES ('delete', old.Id, old.Title, old.Body);
                  INSERT INTO SearchIndex(rowid, Title, Body) VALUES (new.Id, new.Title, new.Body);
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE IF EXISTS SearchIndex;");
            migrationBuilder.DropTable(
                name: "SearchEntries");
        }
    }
}
