-- CreateTable
CREATE TABLE "SearchDocument" (
    "id" SERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "refId" TEXT NOT NULL,
    "groupId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "normalized" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SearchDocument_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SearchDocument_groupId_idx" ON "SearchDocument"("groupId");

-- CreateIndex
CREATE UNIQUE INDEX "SearchDocument_kind_refId_key" ON "SearchDocument"("kind", "refId");

-- Written by hand (Prisma cannot express it): PostgreSQL's own full-text index over
-- SearchDocument.normalized, in a side table that server/domain/search writes in the same
-- transaction as the document. scripts/db.mjs lists it as external for the drift check.
CREATE TABLE "SearchDocumentTsv" (
    "id" INTEGER NOT NULL PRIMARY KEY REFERENCES "SearchDocument"("id") ON DELETE CASCADE,
    "tsv" tsvector NOT NULL
);
CREATE INDEX "SearchDocumentTsv_tsv_idx" ON "SearchDocumentTsv" USING GIN ("tsv");
