-- AlterTable
ALTER TABLE "Organisation" ADD COLUMN     "workingDays" TEXT NOT NULL DEFAULT '0123456';

-- AlterTable
ALTER TABLE "MeetingSeries" ADD COLUMN     "weekly" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Meeting" ADD COLUMN     "shiftHoliday" TEXT,
ADD COLUMN     "shiftedFrom" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "Holiday" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "Holiday_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Holiday_organisationId_date_key" ON "Holiday"("organisationId", "date");

-- AddForeignKey
ALTER TABLE "Holiday" ADD CONSTRAINT "Holiday_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;
