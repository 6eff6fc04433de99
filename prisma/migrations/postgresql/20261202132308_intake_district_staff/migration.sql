-- CreateEnum
CREATE TYPE "IntakeSource" AS ENUM ('DESK', 'PUBLIC');

-- CreateEnum
CREATE TYPE "IntakeStatus" AS ENUM ('RECEIVED', 'LINKED', 'INTRODUCED', 'REFERRED', 'CLOSED');

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "staffDistrictId" TEXT;

-- CreateTable
CREATE TABLE "Intake" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "districtId" TEXT NOT NULL,
    "trackingCode" TEXT NOT NULL,
    "source" "IntakeSource" NOT NULL,
    "status" "IntakeStatus" NOT NULL DEFAULT 'RECEIVED',
    "kind" "Exchange" NOT NULL,
    "direction" "ExchangeDirection" NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "name" TEXT NOT NULL,
    "phone" TEXT,
    "email" TEXT,
    "locale" TEXT NOT NULL DEFAULT 'fa',
    "consentScopes" TEXT NOT NULL,
    "consentAt" TIMESTAMP(3) NOT NULL,
    "consentById" TEXT,
    "personId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Intake_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IntakeEvent" (
    "id" TEXT NOT NULL,
    "intakeId" TEXT NOT NULL,
    "status" "IntakeStatus" NOT NULL,
    "byUserId" TEXT,
    "groupId" TEXT,
    "groupName" TEXT NOT NULL DEFAULT '',
    "courseId" TEXT,
    "course" TEXT NOT NULL DEFAULT '',
    "reason" TEXT NOT NULL DEFAULT '',
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IntakeEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Intake_trackingCode_key" ON "Intake"("trackingCode");

-- CreateIndex
CREATE INDEX "Intake_districtId_status_createdAt_idx" ON "Intake"("districtId", "status", "createdAt");

-- CreateIndex
CREATE INDEX "Intake_organisationId_status_createdAt_idx" ON "Intake"("organisationId", "status", "createdAt");

-- CreateIndex
CREATE INDEX "Intake_personId_idx" ON "Intake"("personId");

-- CreateIndex
CREATE INDEX "IntakeEvent_intakeId_at_idx" ON "IntakeEvent"("intakeId", "at");

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_staffDistrictId_fkey" FOREIGN KEY ("staffDistrictId") REFERENCES "District"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Intake" ADD CONSTRAINT "Intake_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Intake" ADD CONSTRAINT "Intake_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Intake" ADD CONSTRAINT "Intake_consentById_fkey" FOREIGN KEY ("consentById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Intake" ADD CONSTRAINT "Intake_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IntakeEvent" ADD CONSTRAINT "IntakeEvent_intakeId_fkey" FOREIGN KEY ("intakeId") REFERENCES "Intake"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IntakeEvent" ADD CONSTRAINT "IntakeEvent_byUserId_fkey" FOREIGN KEY ("byUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IntakeEvent" ADD CONSTRAINT "IntakeEvent_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE SET NULL ON UPDATE CASCADE;
