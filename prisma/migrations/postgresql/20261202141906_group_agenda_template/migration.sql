-- AlterTable
ALTER TABLE "Group" ADD COLUMN     "agendaTemplate" TEXT NOT NULL DEFAULT '[]';
