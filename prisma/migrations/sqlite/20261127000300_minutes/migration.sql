-- CreateTable
CREATE TABLE "AgendaItemSpan" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "meetingId" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "startedAt" DATETIME NOT NULL,
    "endedAt" DATETIME,
    CONSTRAINT "AgendaItemSpan_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Minutes" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "meetingId" TEXT NOT NULL,
    "groupId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'DRAFT',
    "content" TEXT NOT NULL,
    "contentHash" TEXT,
    "amendsId" TEXT,
    "amendmentReason" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "archivedAt" DATETIME,
    "archivedById" TEXT,
    "approvedAt" DATETIME,
    "approvedInMeetingId" TEXT,
    CONSTRAINT "Minutes_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Minutes_amendsId_fkey" FOREIGN KEY ("amendsId") REFERENCES "Minutes" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MinutesApproval" (
    "minutesId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "approvedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("minutesId", "personId"),
    CONSTRAINT "MinutesApproval_minutesId_fkey" FOREIGN KEY ("minutesId") REFERENCES "Minutes" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "AgendaItemSpan_meetingId_startedAt_idx" ON "AgendaItemSpan"("meetingId", "startedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Minutes_amendsId_key" ON "Minutes"("amendsId");

-- CreateIndex
CREATE INDEX "Minutes_groupId_status_idx" ON "Minutes"("groupId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Minutes_meetingId_version_key" ON "Minutes"("meetingId", "version");
