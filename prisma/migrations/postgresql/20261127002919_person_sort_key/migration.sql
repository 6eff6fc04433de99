-- AlterTable
ALTER TABLE "Person" ADD COLUMN     "sortKey" TEXT NOT NULL DEFAULT '';

-- CreateIndex
CREATE INDEX "Person_organisationId_sortKey_idx" ON "Person"("organisationId", "sortKey");
