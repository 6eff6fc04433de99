-- AlterTable
ALTER TABLE "Meeting" ADD COLUMN "shiftHoliday" TEXT;
ALTER TABLE "Meeting" ADD COLUMN "shiftedFrom" DATETIME;

-- CreateTable
CREATE TABLE "Holiday" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    CONSTRAINT "Holiday_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Organisation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "workingDays" TEXT NOT NULL DEFAULT '0123456'
);
INSERT INTO "new_Organisation" ("createdAt", "id", "name") SELECT "createdAt", "id", "name" FROM "Organisation";
DROP TABLE "Organisation";
ALTER TABLE "new_Organisation" RENAME TO "Organisation";
CREATE TABLE "new_MeetingSeries" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "groupId" TEXT NOT NULL,
    "firstStartsAt" DATETIME NOT NULL,
    "cadenceDays" INTEGER NOT NULL DEFAULT 15,
    "durationMinutes" INTEGER NOT NULL DEFAULT 90,
    "place" TEXT NOT NULL DEFAULT '',
    "link" TEXT NOT NULL DEFAULT '',
    "timeZone" TEXT NOT NULL DEFAULT 'Asia/Tehran',
    "calendarToken" TEXT,
    "weekly" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "MeetingSeries_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_MeetingSeries" ("cadenceDays", "calendarToken", "createdAt", "durationMinutes", "firstStartsAt", "groupId", "id", "link", "place", "timeZone", "updatedAt") SELECT "cadenceDays", "calendarToken", "createdAt", "durationMinutes", "firstStartsAt", "groupId", "id", "link", "place", "timeZone", "updatedAt" FROM "MeetingSeries";
DROP TABLE "MeetingSeries";
ALTER TABLE "new_MeetingSeries" RENAME TO "MeetingSeries";
CREATE UNIQUE INDEX "MeetingSeries_groupId_key" ON "MeetingSeries"("groupId");
CREATE UNIQUE INDEX "MeetingSeries_calendarToken_key" ON "MeetingSeries"("calendarToken");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "Holiday_organisationId_date_key" ON "Holiday"("organisationId", "date");
