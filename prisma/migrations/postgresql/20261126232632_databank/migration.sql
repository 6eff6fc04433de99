-- CreateEnum
CREATE TYPE "EcosystemRole" AS ENUM ('ENTREPRENEUR', 'IDEA_OWNER', 'CAPITAL_OWNER', 'EXPERT', 'JOB_SEEKER', 'AGENCY', 'LEGAL', 'MEDIA', 'EXECUTOR');

-- CreateEnum
CREATE TYPE "Exchange" AS ENUM ('CAPITAL', 'SKILLS', 'IDEA', 'JOB', 'PARTNER');

-- CreateEnum
CREATE TYPE "ExchangeDirection" AS ENUM ('OFFER', 'SEEK');

-- CreateEnum
CREATE TYPE "FieldKind" AS ENUM ('SECTOR', 'SKILL');

-- CreateEnum
CREATE TYPE "IntroductionStatus" AS ENUM ('PROPOSED', 'ACCEPTED', 'WORKING', 'DECLINED');

-- AlterTable
ALTER TABLE "District" ADD COLUMN     "archivedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Person" ADD COLUMN     "mergedIntoId" TEXT,
ADD COLUMN     "nameKey" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "searchText" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "Group" ADD COLUMN     "subject" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "Field" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "kind" "FieldKind" NOT NULL,
    "name" TEXT NOT NULL,
    "nameKey" TEXT NOT NULL,
    "archivedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Field_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PersonField" (
    "personId" TEXT NOT NULL,
    "fieldId" TEXT NOT NULL,

    CONSTRAINT "PersonField_pkey" PRIMARY KEY ("personId","fieldId")
);

-- CreateTable
CREATE TABLE "PersonRole" (
    "personId" TEXT NOT NULL,
    "role" "EcosystemRole" NOT NULL,

    CONSTRAINT "PersonRole_pkey" PRIMARY KEY ("personId","role")
);

-- CreateTable
CREATE TABLE "PersonExchange" (
    "personId" TEXT NOT NULL,
    "direction" "ExchangeDirection" NOT NULL,
    "kind" "Exchange" NOT NULL,

    CONSTRAINT "PersonExchange_pkey" PRIMARY KEY ("personId","direction","kind")
);

-- CreateTable
CREATE TABLE "Introduction" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "toPersonId" TEXT NOT NULL,
    "byUserId" TEXT,
    "status" "IntroductionStatus" NOT NULL DEFAULT 'PROPOSED',
    "note" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Introduction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IntroductionEvent" (
    "id" TEXT NOT NULL,
    "introductionId" TEXT NOT NULL,
    "status" "IntroductionStatus" NOT NULL,
    "byUserId" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IntroductionEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GroupField" (
    "groupId" TEXT NOT NULL,
    "fieldId" TEXT NOT NULL,

    CONSTRAINT "GroupField_pkey" PRIMARY KEY ("groupId","fieldId")
);

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

-- CreateIndex
CREATE INDEX "Person_organisationId_nameKey_idx" ON "Person"("organisationId", "nameKey");

-- CreateIndex
CREATE INDEX "Person_organisationId_districtId_idx" ON "Person"("organisationId", "districtId");

-- CreateIndex
CREATE UNIQUE INDEX "Person_organisationId_email_key" ON "Person"("organisationId", "email");

-- AddForeignKey
ALTER TABLE "Field" ADD CONSTRAINT "Field_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Person" ADD CONSTRAINT "Person_mergedIntoId_fkey" FOREIGN KEY ("mergedIntoId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PersonField" ADD CONSTRAINT "PersonField_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PersonField" ADD CONSTRAINT "PersonField_fieldId_fkey" FOREIGN KEY ("fieldId") REFERENCES "Field"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PersonRole" ADD CONSTRAINT "PersonRole_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PersonExchange" ADD CONSTRAINT "PersonExchange_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Introduction" ADD CONSTRAINT "Introduction_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Introduction" ADD CONSTRAINT "Introduction_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Introduction" ADD CONSTRAINT "Introduction_toPersonId_fkey" FOREIGN KEY ("toPersonId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Introduction" ADD CONSTRAINT "Introduction_byUserId_fkey" FOREIGN KEY ("byUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IntroductionEvent" ADD CONSTRAINT "IntroductionEvent_introductionId_fkey" FOREIGN KEY ("introductionId") REFERENCES "Introduction"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IntroductionEvent" ADD CONSTRAINT "IntroductionEvent_byUserId_fkey" FOREIGN KEY ("byUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GroupField" ADD CONSTRAINT "GroupField_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GroupField" ADD CONSTRAINT "GroupField_fieldId_fkey" FOREIGN KEY ("fieldId") REFERENCES "Field"("id") ON DELETE CASCADE ON UPDATE CASCADE;
