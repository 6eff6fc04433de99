-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Group" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "subject" TEXT NOT NULL DEFAULT '',
    "description" TEXT NOT NULL DEFAULT '',
    "districtId" TEXT,
    "cadenceDays" INTEGER NOT NULL DEFAULT 15,
    "quorumPercent" INTEGER NOT NULL DEFAULT 50,
    "quorumSides" INTEGER NOT NULL DEFAULT 4,
    "majorityRule" TEXT NOT NULL DEFAULT 'SIMPLE',
    "publishOutcomes" BOOLEAN NOT NULL DEFAULT false,
    "agendaTemplate" TEXT NOT NULL DEFAULT '[]',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Group_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Group_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Group" ("cadenceDays", "createdAt", "description", "districtId", "id", "majorityRule", "name", "organisationId", "publishOutcomes", "quorumPercent", "quorumSides", "subject") SELECT "cadenceDays", "createdAt", "description", "districtId", "id", "majorityRule", "name", "organisationId", "publishOutcomes", "quorumPercent", "quorumSides", "subject" FROM "Group";
DROP TABLE "Group";
ALTER TABLE "new_Group" RENAME TO "Group";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
