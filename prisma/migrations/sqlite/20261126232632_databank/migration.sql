-- AlterTable
ALTER TABLE "District" ADD COLUMN "archivedAt" DATETIME;

-- CreateTable
CREATE TABLE "Field" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameKey" TEXT NOT NULL,
    "archivedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Field_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PersonField" (
    "personId" TEXT NOT NULL,
    "fieldId" TEXT NOT NULL,

    PRIMARY KEY ("personId", "fieldId"),
    CONSTRAINT "PersonField_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PersonField_fieldId_fkey" FOREIGN KEY ("fieldId") REFERENCES "Field" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PersonRole" (
    "personId" TEXT NOT NULL,
    "role" TEXT NOT NULL,

    PRIMARY KEY ("personId", "role"),
    CONSTRAINT "PersonRole_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PersonExchange" (
    "personId" TEXT NOT NULL,
    "direction" TEXT NOT NULL,
    "kind" TEXT NOT NULL,

    PRIMARY KEY ("personId", "direction", "kind"),
    CONSTRAINT "PersonExchange_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Introduction" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "toPersonId" TEXT NOT NULL,
    "byUserId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'PROPOSED',
    "note" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Introduction_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Introduction_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Introduction_toPersonId_fkey" FOREIGN KEY ("toPersonId") REFERENCES "Person" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Introduction_byUserId_fkey" FOREIGN KEY ("byUserId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "IntroductionEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "introductionId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "byUserId" TEXT,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "IntroductionEvent_introductionId_fkey" FOREIGN KEY ("introductionId") REFERENCES "Introduction" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "IntroductionEvent_byUserId_fkey" FOREIGN KEY ("byUserId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "GroupField" (
    "groupId" TEXT NOT NULL,
    "fieldId" TEXT NOT NULL,

    PRIMARY KEY ("groupId", "fieldId"),
    CONSTRAINT "GroupField_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "GroupField_fieldId_fkey" FOREIGN KEY ("fieldId") REFERENCES "Field" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

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
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Person_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Person_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Person_mergedIntoId_fkey" FOREIGN KEY ("mergedIntoId") REFERENCES "Person" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Person" ("archivedAt", "bio", "consent", "createdAt", "districtId", "email", "id", "name", "organisationId", "phone", "updatedAt") SELECT "archivedAt", "bio", "consent", "createdAt", "districtId", "email", "id", "name", "organisationId", "phone", "updatedAt" FROM "Person";
DROP TABLE "Person";
ALTER TABLE "new_Person" RENAME TO "Person";
CREATE INDEX "Person_organisationId_name_idx" ON "Person"("organisationId", "name");
CREATE INDEX "Person_organisationId_nameKey_idx" ON "Person"("organisationId", "nameKey");
CREATE INDEX "Person_organisationId_districtId_idx" ON "Person"("organisationId", "districtId");
CREATE UNIQUE INDEX "Person_organisationId_email_key" ON "Person"("organisationId", "email");
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
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Group_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Group_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Group" ("cadenceDays", "createdAt", "description", "districtId", "id", "name", "organisationId", "quorumPercent", "quorumSides") SELECT "cadenceDays", "createdAt", "description", "districtId", "id", "name", "organisationId", "quorumPercent", "quorumSides" FROM "Group";
DROP TABLE "Group";
ALTER TABLE "new_Group" RENAME TO "Group";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "Field_organisationId_kind_nameKey_key" ON "Field"("organisationId", "kind", "nameKey");

-- CreateIndex
CREATE INDEX "PersonField_fieldId_personId_idx" ON "PersonField"("fieldId", "personId");

-- CreateIndex
CREATE INDEX "PersonRole_role_personId_idx" ON "PersonRole"("role", "personId");

-- CreateIndex
CREATE INDEX "PersonExchange_direction_kind_personId_idx" ON "PersonExchange"("direction", "kind", "personId");

-- CreateIndex
CREATE INDEX "Introduction_personId_idx" ON "Introduction"("personId");

-- CreateIndex
CREATE INDEX "Introduction_toPersonId_idx" ON "Introduction"("toPersonId");

-- CreateIndex
CREATE INDEX "IntroductionEvent_introductionId_at_idx" ON "IntroductionEvent"("introductionId", "at");

-- CreateIndex
CREATE INDEX "GroupField_fieldId_idx" ON "GroupField"("fieldId");
