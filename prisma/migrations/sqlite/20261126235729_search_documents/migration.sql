-- CreateTable
CREATE TABLE "SearchDocument" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "kind" TEXT NOT NULL,
    "refId" TEXT NOT NULL,
    "groupId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "normalized" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "SearchDocument_groupId_idx" ON "SearchDocument"("groupId");

-- CreateIndex
CREATE UNIQUE INDEX "SearchDocument_kind_refId_key" ON "SearchDocument"("kind", "refId");

-- Written by hand (Prisma cannot express it): SQLite's own full-text index over
-- SearchDocument.normalized, kept in step by triggers. scripts/db.mjs lists these tables
-- as external so the drift check leaves them alone.
CREATE VIRTUAL TABLE "SearchDocumentFts" USING fts5("normalized", content='SearchDocument', content_rowid='id', tokenize='unicode61 remove_diacritics 0');
CREATE TRIGGER "SearchDocument_fts_insert" AFTER INSERT ON "SearchDocument" BEGIN
    INSERT INTO "SearchDocumentFts"(rowid, "normalized") VALUES (new."id", new."normalized");
END;
CREATE TRIGGER "SearchDocument_fts_delete" AFTER DELETE ON "SearchDocument" BEGIN
    INSERT INTO "SearchDocumentFts"("SearchDocumentFts", rowid, "normalized") VALUES ('delete', old."id", old."normalized");
END;
CREATE TRIGGER "SearchDocument_fts_update" AFTER UPDATE ON "SearchDocument" BEGIN
    INSERT INTO "SearchDocumentFts"("SearchDocumentFts", rowid, "normalized") VALUES ('delete', old."id", old."normalized");
    INSERT INTO "SearchDocumentFts"(rowid, "normalized") VALUES (new."id", new."normalized");
END;
