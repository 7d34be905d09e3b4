using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace RcpHub.Data.Migrations.Postgres
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Path = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ProcessId = table.Column<int>(type: "integer", nullable: true),
                    MeetingId = table.Column<int>(type: "integer", nullable: true),
                    DocumentId = table.Column<int>(type: "integer", nullable: true),
                    OutputId = table.Column<int>(type: "integer", nullable: true),
                    Language = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    Year = table.Column<int>(type: "integer", nullable: true),
                    Level = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Region = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Title = table.Column<string>(type: "text", nullable: false),
                    Body = table.Column<string>(type: "text", nullable: true),
                    Context = table.Column<string>(type: "text", nullable: true)
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

            // The engine's side (decision 0031): a text search configuration that folds accents when the unaccent extension
            // can be had ('simple' alone otherwise, where accents then count), a stored tsvector of title (A) and body (B)
            // in it, and a GIN index over that.
            migrationBuilder.Sql("""
                DO $$
                BEGIN
                  BEGIN
                    CREATE EXTENSION IF NOT EXISTS unaccent;
                    CREATE TEXT SEARCH CONFIGURATION rcphub_search (COPY = pg_catalog.simple);
                    ALTER TEXT SEARCH CONFIGURATION rcphub_search
                      ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part WITH unaccent, simple;
                  EXCEPTION WHEN OTHERS THEN
                    CREATE TEXT SEARCH CONFIGURATION rcphub_search (COPY = pg_catalog.simple);
                  END;
                END $$;
                """);
            // Lower case by Unicode whatever the database's locale (a "C" database lowers ASCII only, and "Марокко" would
            // not match "марокко"): an ICU collation where the server has ICU, "C" otherwise.
            migrationBuilder.Sql("""
                DO $$
                BEGIN
                  IF EXISTS (SELECT 1 FROM pg_collation WHERE collprovider = 'i') THEN
                    CREATE COLLATION rcphub_fold (provider = icu, locale = 'und');
                  ELSE
                    CREATE COLLATION rcphub_fold FROM "C";
                  END IF;
                END $$;
                """);
            migrationBuilder.Sql("""
                ALTER TABLE "SearchEntries" ADD COLUMN "Vector" tsvector GENERATED ALWAYS AS (
                  setweight(to_tsvector('rcphub_search'::regconfig, lower(coalesce("Title", '') COLLATE rcphub_fold)), 'A')
                  || setweight(to_tsvector('rcphub_search'::regconfig, lower(coalesce("Body", '') COLLATE rcphub_fold)), 'B')) STORED;
                """);
            migrationBuilder.Sql("""CREATE INDEX "IX_SearchEntries_Vector" ON "SearchEntries" USING GIN ("Vector");""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("ALTER TABLE \"SearchEntries\" DROP COLUMN IF EXISTS \"Vector\";");
            migrationBuilder.DropTable(
                name: "SearchEntries");

            migrationBuilder.Sql("DROP TEXT SEARCH CONFIGURATION IF EXISTS rcphub_search;");
            migrationBuilder.Sql("DROP COLLATION IF EXISTS rcphub_fold;");
        }
    }
}
