using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RcpHub.Data.Migrations.Postgres
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
                    EntryId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Value = table.Column<int>(type: "integer", nullable: false)
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

            // The index is derived (decision 0031): emptied here, it is rebuilt by migrate with the recommendations and the
            // theme and objective tags, and its vectors in the new form below (decision 0036).
            migrationBuilder.Sql("""DELETE FROM "SearchEntries";""");
            // A stemming configuration per interface language: the snowball stemmer with unaccent in front where the
            // extension exists (as rcphub_search), the stemmer alone otherwise.
            migrationBuilder.Sql("""
                DO $$
                DECLARE
                  has_unaccent boolean := EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'unaccent');
                  c record;
                BEGIN
                  FOR c IN SELECT * FROM (VALUES ('rcphub_en', 'english'), ('rcphub_fr', 'french'), ('rcphub_es', 'spanish'),
                                                 ('rcphub_ru', 'russian'), ('rcphub_ar', 'arabic')) AS l(name, base) LOOP
                    EXECUTE format('CREATE TEXT SEARCH CONFIGURATION %I (COPY = pg_catalog.%I)', c.name, c.base);
                    IF has_unaccent THEN
                      EXECUTE format('ALTER TEXT SEARCH CONFIGURATION %I ALTER MAPPING FOR word, hword, hword_part WITH unaccent, %I',
                        c.name, c.base || '_stem');
                      -- Russian's own configuration stems ASCII words in English; the others by their language.
                      EXECUTE format('ALTER TEXT SEARCH CONFIGURATION %I ALTER MAPPING FOR asciiword, asciihword, hword_asciipart WITH unaccent, %I',
                        c.name, CASE c.base WHEN 'russian' THEN 'english_stem' ELSE c.base || '_stem' END);
                    END IF;
                  END LOOP;
                END $$;
                """);
            // The words as written (A, B) as before, and stemmed in the entry's language (C, D; English when not known).
            // PostgreSQL 15 cannot change a generated column's expression: the column (and its index) is made again.
            migrationBuilder.Sql("""ALTER TABLE "SearchEntries" DROP COLUMN "Vector";""");
            migrationBuilder.Sql("""
                ALTER TABLE "SearchEntries" ADD COLUMN "Vector" tsvector GENERATED ALWAYS AS (
                  setweight(to_tsvector('rcphub_search'::regconfig, lower(coalesce("Title", '') COLLATE rcphub_fold)), 'A')
                  || setweight(to_tsvector(CASE "Language" WHEN 'fr' THEN 'rcphub_fr'::regconfig WHEN 'es' THEN 'rcphub_es'::regconfig
                       WHEN 'ru' THEN 'rcphub_ru'::regconfig WHEN 'ar' THEN 'rcphub_ar'::regconfig ELSE 'rcphub_en'::regconfig END,
                       lower(coalesce("Title", '') COLLATE rcphub_fold)), 'C')
                  || setweight(to_tsvector('rcphub_search'::regconfig, lower(coalesce("Body", '') COLLATE rcphub_fold)), 'B')
                  || setweight(to_tsvector(CASE "Language" WHEN 'fr' THEN 'rcphub_fr'::regconfig WHEN 'es' THEN 'rcphub_es'::regconfig
                       WHEN 'ru' THEN 'rcphub_ru'::regconfig WHEN 'ar' THEN 'rcphub_ar'::regconfig ELSE 'rcphub_en'::regconfig END,
                       lower(coalesce("Body", '') COLLATE rcphub_fold)), 'D')) STORED;
                """);
            migrationBuilder.Sql("""CREATE INDEX "IX_SearchEntries_Vector" ON "SearchEntries" USING GIN ("Vector");""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DELETE FROM "SearchEntries";""");
            migrationBuilder.Sql("""ALTER TABLE "SearchEntries" DROP COLUMN "Vector";""");
            migrationBuilder.Sql("""
                ALTER TABLE "SearchEntries" ADD COLUMN "Vector" tsvector GENERATED ALWAYS AS (
                  setweight(to_tsvector('rcphub_search'::regconfig, lower(coalesce("Title", '') COLLATE rcphub_fold)), 'A')
                  || setweight(to_tsvector('rcphub_search'::regconfig, lower(coalesce("Body", '') COLLATE rcphub_fold)), 'B')) STORED;
                """);
            migrationBuilder.Sql("""CREATE INDEX "IX_SearchEntries_Vector" ON "SearchEntries" USING GIN ("Vector");""");
            migrationBuilder.Sql("DROP TEXT SEARCH CONFIGURATION IF EXISTS rcphub_en, rcphub_fr, rcphub_es, rcphub_ru, rcphub_ar;");

            migrationBuilder.DropTable(
                name: "SearchTags");
        }
    }
}
