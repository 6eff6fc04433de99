-- AlterTable
ALTER TABLE "MeetingSeries" ADD COLUMN     "calendarToken" TEXT;

-- AlterTable
ALTER TABLE "Meeting" ADD COLUMN     "movedAt" TIMESTAMP(3),
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE UNIQUE INDEX "MeetingSeries_calendarToken_key" ON "MeetingSeries"("calendarToken");
