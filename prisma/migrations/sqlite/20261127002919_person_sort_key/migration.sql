-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Person" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT,
    "phone" TEXT,
    "districtId" TEXT,
    "bio" TEXT NOT NULL DEFAULT '',
    "consent" BOOLEAN NOT NULL DEFAULT false,
    "archivedAt" DATETIME,
    "mergedIntoId" TEXT,
    "searchText" TEXT NOT NULL DEFAULT '',
    "nameKey" TEXT NOT NULL DEFAULT '',
    "sortKey" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Person_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Person_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Person_mergedIntoId_fkey" FOREIGN KEY ("mergedIntoId") REFERENCES "Person" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Person" ("archivedAt", "bio", "consent", "createdAt", "districtId", "email", "id", "mergedIntoId", "name", "nameKey", "organisationId", "phone", "searchText", "updatedAt") SELECT "archivedAt", "bio", "consent", "createdAt", "districtId", "email", "id", "mergedIntoId", "name", "nameKey", "organisationId", "phone", "searchText", "updatedAt" FROM "Person";
DROP TABLE "Person";
ALTER TABLE "new_Person" RENAME TO "Person";
CREATE INDEX "Person_organisationId_name_idx" ON "Person"("organisationId", "name");
CREATE INDEX "Person_organisationId_nameKey_idx" ON "Person"("organisationId", "nameKey");
CREATE INDEX "Person_organisationId_sortKey_idx" ON "Person"("organisationId", "sortKey");
CREATE INDEX "Person_organisationId_districtId_idx" ON "Person"("organisationId", "districtId");
CREATE UNIQUE INDEX "Person_organisationId_email_key" ON "Person"("organisationId", "email");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
