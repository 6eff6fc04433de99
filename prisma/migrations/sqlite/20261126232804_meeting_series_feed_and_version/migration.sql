-- AlterTable
ALTER TABLE "MeetingSeries" ADD COLUMN "calendarToken" TEXT;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Meeting" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "seriesId" TEXT,
    "groupId" TEXT NOT NULL,
    "sequence" INTEGER,
    "startsAt" DATETIME NOT NULL,
    "durationMinutes" INTEGER NOT NULL DEFAULT 90,
    "place" TEXT NOT NULL DEFAULT '',
    "link" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL DEFAULT 'SCHEDULED',
    "startedAt" DATETIME,
    "closedAt" DATETIME,
    "currentItemId" TEXT,
    "timerItemId" TEXT,
    "timerStartedAt" DATETIME,
    "timerDurationSec" INTEGER,
    "timerRemainingSec" INTEGER,
    "movedAt" DATETIME,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Meeting_seriesId_fkey" FOREIGN KEY ("seriesId") REFERENCES "MeetingSeries" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Meeting_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Meeting" ("closedAt", "createdAt", "currentItemId", "durationMinutes", "groupId", "id", "link", "place", "sequence", "seriesId", "startedAt", "startsAt", "status", "timerDurationSec", "timerItemId", "timerRemainingSec", "timerStartedAt", "updatedAt") SELECT "closedAt", "createdAt", "currentItemId", "durationMinutes", "groupId", "id", "link", "place", "sequence", "seriesId", "startedAt", "startsAt", "status", "timerDurationSec", "timerItemId", "timerRemainingSec", "timerStartedAt", "updatedAt" FROM "Meeting";
DROP TABLE "Meeting";
ALTER TABLE "new_Meeting" RENAME TO "Meeting";
CREATE INDEX "Meeting_groupId_startsAt_idx" ON "Meeting"("groupId", "startsAt");
CREATE UNIQUE INDEX "Meeting_seriesId_sequence_key" ON "Meeting"("seriesId", "sequence");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "MeetingSeries_calendarToken_key" ON "MeetingSeries"("calendarToken");
