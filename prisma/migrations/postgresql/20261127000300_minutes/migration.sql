-- CreateEnum
CREATE TYPE "MinutesStatus" AS ENUM ('DRAFT', 'ARCHIVED');

-- CreateTable
CREATE TABLE "AgendaItemSpan" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "endedAt" TIMESTAMP(3),

    CONSTRAINT "AgendaItemSpan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Minutes" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "groupId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "status" "MinutesStatus" NOT NULL DEFAULT 'DRAFT',
    "content" TEXT NOT NULL,
    "contentHash" TEXT,
    "amendsId" TEXT,
    "amendmentReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "archivedAt" TIMESTAMP(3),
    "archivedById" TEXT,
    "approvedAt" TIMESTAMP(3),
    "approvedInMeetingId" TEXT,

    CONSTRAINT "Minutes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MinutesApproval" (
    "minutesId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "approvedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MinutesApproval_pkey" PRIMARY KEY ("minutesId","personId")
);

-- CreateIndex
CREATE INDEX "AgendaItemSpan_meetingId_startedAt_idx" ON "AgendaItemSpan"("meetingId", "startedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Minutes_amendsId_key" ON "Minutes"("amendsId");

-- CreateIndex
CREATE INDEX "Minutes_groupId_status_idx" ON "Minutes"("groupId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Minutes_meetingId_version_key" ON "Minutes"("meetingId", "version");

-- AddForeignKey
ALTER TABLE "AgendaItemSpan" ADD CONSTRAINT "AgendaItemSpan_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Minutes" ADD CONSTRAINT "Minutes_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Minutes" ADD CONSTRAINT "Minutes_amendsId_fkey" FOREIGN KEY ("amendsId") REFERENCES "Minutes"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MinutesApproval" ADD CONSTRAINT "MinutesApproval_minutesId_fkey" FOREIGN KEY ("minutesId") REFERENCES "Minutes"("id") ON DELETE CASCADE ON UPDATE CASCADE;
