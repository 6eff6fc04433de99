-- Written by hand (Prisma cannot express it): a trigram index over the databank's
-- normalised text, Person."searchText" and "nameKey", so that a search's LIKE '%…%' uses an
-- index on SQLite as pg_trgm gives it on PostgreSQL. Person's rowid is not stable (its key
-- is text, and VACUUM may renumber rowids), so PersonTextKey gives each person a fixed
-- integer key for the index's rows. Triggers keep both in step; scripts/db.mjs lists these
-- tables as external so the drift check leaves them alone.
CREATE TABLE "PersonTextKey" (
    "key" INTEGER NOT NULL PRIMARY KEY,
    "personId" TEXT NOT NULL UNIQUE
);
CREATE VIRTUAL TABLE "PersonTextFts" USING fts5("searchText", "nameKey", tokenize='trigram');

INSERT INTO "PersonTextKey" ("personId") SELECT "id" FROM "Person";
INSERT INTO "PersonTextFts" (rowid, "searchText", "nameKey")
    SELECT k."key", p."searchText", p."nameKey" FROM "Person" p JOIN "PersonTextKey" k ON k."personId" = p."id";

CREATE TRIGGER "Person_text_insert" AFTER INSERT ON "Person" BEGIN
    INSERT INTO "PersonTextKey" ("personId") VALUES (new."id");
    INSERT INTO "PersonTextFts" (rowid, "searchText", "nameKey")
        SELECT "key", new."searchText", new."nameKey" FROM "PersonTextKey" WHERE "personId" = new."id";
END;
CREATE TRIGGER "Person_text_update" AFTER UPDATE OF "searchText", "nameKey" ON "Person" BEGIN
    DELETE FROM "PersonTextFts" WHERE rowid = (SELECT "key" FROM "PersonTextKey" WHERE "personId" = old."id");
    INSERT INTO "PersonTextFts" (rowid, "searchText", "nameKey")
        SELECT "key", new."searchText", new."nameKey" FROM "PersonTextKey" WHERE "personId" = new."id";
END;
CREATE TRIGGER "Person_text_delete" AFTER DELETE ON "Person" BEGIN
    DELETE FROM "PersonTextFts" WHERE rowid = (SELECT "key" FROM "PersonTextKey" WHERE "personId" = old."id");
    DELETE FROM "PersonTextKey" WHERE "personId" = old."id";
END;
