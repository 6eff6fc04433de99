-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "MailStatus" ADD VALUE 'HELD';
ALTER TYPE "MailStatus" ADD VALUE 'DIGESTED';

-- AlterTable
ALTER TABLE "MailOutbox" ADD COLUMN     "dedupeKey" TEXT,
ADD COLUMN     "digestId" TEXT;

-- CreateTable
CREATE TABLE "MailDigest" (
    "personId" TEXT NOT NULL,
    "cadence" TEXT NOT NULL,
    "nextDueAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MailDigest_pkey" PRIMARY KEY ("personId")
);

-- CreateIndex
CREATE INDEX "MailDigest_nextDueAt_idx" ON "MailDigest"("nextDueAt");

-- CreateIndex
CREATE UNIQUE INDEX "MailOutbox_dedupeKey_key" ON "MailOutbox"("dedupeKey");

-- CreateIndex
CREATE INDEX "MailOutbox_personId_status_idx" ON "MailOutbox"("personId", "status");
