-- AlterTable
ALTER TABLE "MailOutbox" ADD COLUMN "dedupeKey" TEXT;
ALTER TABLE "MailOutbox" ADD COLUMN "digestId" TEXT;

-- CreateTable
CREATE TABLE "MailDigest" (
    "personId" TEXT NOT NULL PRIMARY KEY,
    "cadence" TEXT NOT NULL,
    "nextDueAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "MailDigest_nextDueAt_idx" ON "MailDigest"("nextDueAt");

-- CreateIndex
CREATE UNIQUE INDEX "MailOutbox_dedupeKey_key" ON "MailOutbox"("dedupeKey");

-- CreateIndex
CREATE INDEX "MailOutbox_personId_status_idx" ON "MailOutbox"("personId", "status");
