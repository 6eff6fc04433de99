-- CreateEnum
CREATE TYPE "ProposalState" AS ENUM ('DRAFT', 'SUBMITTED', 'IN_REVIEW', 'APPROVED', 'REJECTED', 'SENT_BACK', 'IN_EXECUTION', 'DELIVERED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "Need" AS ENUM ('CAPITAL', 'EXPERTISE', 'PERMITS', 'PUBLICITY');

-- CreateEnum
CREATE TYPE "ProposalPersonRole" AS ENUM ('IDEA_OWNER', 'CAPITAL_OWNER', 'EXPERT');

-- CreateEnum
CREATE TYPE "ReviewVerdict" AS ENUM ('SUPPORTS', 'CONDITIONS', 'OBJECTS');

-- CreateEnum
CREATE TYPE "Feasibility" AS ENUM ('FEASIBLE', 'WITH_CHANGES', 'NOT_FEASIBLE');

-- CreateEnum
CREATE TYPE "ProposalEventKind" AS ENUM ('CREATED', 'EDITED', 'STATE', 'REVIEWED', 'VOTE_OPENED', 'VOTE_CLOSED', 'DECIDED', 'OUTCOME');

-- CreateEnum
CREATE TYPE "MajorityRule" AS ENUM ('SIMPLE', 'ABSOLUTE', 'TWO_THIRDS');

-- CreateEnum
CREATE TYPE "VoteStatus" AS ENUM ('OPEN', 'CLOSED');

-- CreateEnum
CREATE TYPE "VoteResult" AS ENUM ('PASSED', 'FAILED', 'NO_QUORUM');

-- CreateEnum
CREATE TYPE "BallotChoice" AS ENUM ('YES', 'NO', 'ABSTAIN');

-- CreateEnum
CREATE TYPE "DecisionMethod" AS ENUM ('VOTE', 'CONSENSUS');

-- CreateEnum
CREATE TYPE "DecisionOutcome" AS ENUM ('APPROVED', 'REJECTED', 'SENT_BACK');

-- CreateEnum
CREATE TYPE "OutcomeKind" AS ENUM ('PRODUCT', 'SERVICE');

-- CreateEnum
CREATE TYPE "OutcomeStatus" AS ENUM ('ON_TRACK', 'AT_RISK', 'BLOCKED', 'DELIVERED');

-- AlterTable
ALTER TABLE "Group" ADD COLUMN     "majorityRule" "MajorityRule" NOT NULL DEFAULT 'SIMPLE',
ADD COLUMN     "publishOutcomes" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "Proposal" (
    "id" TEXT NOT NULL,
    "groupId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "problem" TEXT NOT NULL DEFAULT '',
    "idea" TEXT NOT NULL DEFAULT '',
    "state" "ProposalState" NOT NULL DEFAULT 'DRAFT',
    "revision" INTEGER NOT NULL DEFAULT 1,
    "authorId" TEXT,
    "meetingId" TEXT,
    "agendaItemId" TEXT,
    "stateChangedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Proposal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProposalNeed" (
    "proposalId" TEXT NOT NULL,
    "need" "Need" NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "ProposalNeed_pkey" PRIMARY KEY ("proposalId","need")
);

-- CreateTable
CREATE TABLE "ProposalPerson" (
    "proposalId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "role" "ProposalPersonRole" NOT NULL,

    CONSTRAINT "ProposalPerson_pkey" PRIMARY KEY ("proposalId","personId","role")
);

-- CreateTable
CREATE TABLE "ProposalRevision" (
    "id" TEXT NOT NULL,
    "proposalId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "problem" TEXT NOT NULL,
    "idea" TEXT NOT NULL,
    "needs" TEXT NOT NULL DEFAULT '',
    "note" TEXT NOT NULL DEFAULT '',
    "byUserId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProposalRevision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProposalEvent" (
    "id" TEXT NOT NULL,
    "proposalId" TEXT NOT NULL,
    "kind" "ProposalEventKind" NOT NULL,
    "fromState" "ProposalState",
    "toState" "ProposalState",
    "side" "Side",
    "detail" TEXT NOT NULL DEFAULT '',
    "reason" TEXT NOT NULL DEFAULT '',
    "meetingId" TEXT,
    "byUserId" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProposalEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Review" (
    "id" TEXT NOT NULL,
    "proposalId" TEXT NOT NULL,
    "side" "Side" NOT NULL,
    "verdict" "ReviewVerdict",
    "feasibility" "Feasibility",
    "estimateWeeks" INTEGER,
    "estimateCost" TEXT NOT NULL DEFAULT '',
    "reasons" TEXT NOT NULL,
    "byUserId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Review_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Vote" (
    "id" TEXT NOT NULL,
    "proposalId" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "openMeetingId" TEXT,
    "status" "VoteStatus" NOT NULL DEFAULT 'OPEN',
    "yes" INTEGER NOT NULL DEFAULT 0,
    "no" INTEGER NOT NULL DEFAULT 0,
    "abstain" INTEGER NOT NULL DEFAULT 0,
    "present" INTEGER,
    "quorumMet" BOOLEAN,
    "result" "VoteResult",
    "majorityRule" "MajorityRule" NOT NULL,
    "openedById" TEXT,
    "openedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedById" TEXT,
    "closedAt" TIMESTAMP(3),

    CONSTRAINT "Vote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Ballot" (
    "id" TEXT NOT NULL,
    "voteId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "side" "Side" NOT NULL,
    "choice" "BallotChoice" NOT NULL,
    "castAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Ballot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Decision" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "proposalId" TEXT,
    "method" "DecisionMethod" NOT NULL,
    "outcome" "DecisionOutcome" NOT NULL,
    "voteId" TEXT,
    "text" TEXT NOT NULL DEFAULT '',
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Decision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Outcome" (
    "id" TEXT NOT NULL,
    "proposalId" TEXT NOT NULL,
    "groupId" TEXT NOT NULL,
    "kind" "OutcomeKind" NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "executorPersonId" TEXT,
    "status" "OutcomeStatus" NOT NULL DEFAULT 'ON_TRACK',
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deliveredAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Outcome_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Milestone" (
    "id" TEXT NOT NULL,
    "outcomeId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "dueDate" TIMESTAMP(3) NOT NULL,
    "progress" INTEGER NOT NULL DEFAULT 0,
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Milestone_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutcomeUpdate" (
    "id" TEXT NOT NULL,
    "outcomeId" TEXT NOT NULL,
    "status" "OutcomeStatus",
    "note" TEXT NOT NULL,
    "linkUrl" TEXT NOT NULL DEFAULT '',
    "linkTitle" TEXT NOT NULL DEFAULT '',
    "byUserId" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OutcomeUpdate_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Proposal_groupId_state_idx" ON "Proposal"("groupId", "state");

-- CreateIndex
CREATE INDEX "ProposalPerson_personId_idx" ON "ProposalPerson"("personId");

-- CreateIndex
CREATE UNIQUE INDEX "ProposalRevision_proposalId_number_key" ON "ProposalRevision"("proposalId", "number");

-- CreateIndex
CREATE INDEX "ProposalEvent_proposalId_at_idx" ON "ProposalEvent"("proposalId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "Review_proposalId_side_key" ON "Review"("proposalId", "side");

-- CreateIndex
CREATE UNIQUE INDEX "Vote_openMeetingId_key" ON "Vote"("openMeetingId");

-- CreateIndex
CREATE INDEX "Vote_meetingId_openedAt_idx" ON "Vote"("meetingId", "openedAt");

-- CreateIndex
CREATE INDEX "Vote_proposalId_idx" ON "Vote"("proposalId");

-- CreateIndex
CREATE UNIQUE INDEX "Ballot_voteId_personId_key" ON "Ballot"("voteId", "personId");

-- CreateIndex
CREATE UNIQUE INDEX "Decision_voteId_key" ON "Decision"("voteId");

-- CreateIndex
CREATE INDEX "Decision_meetingId_decidedAt_idx" ON "Decision"("meetingId", "decidedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Outcome_proposalId_key" ON "Outcome"("proposalId");

-- CreateIndex
CREATE INDEX "Outcome_groupId_status_idx" ON "Outcome"("groupId", "status");

-- CreateIndex
CREATE INDEX "Milestone_outcomeId_position_idx" ON "Milestone"("outcomeId", "position");

-- CreateIndex
CREATE INDEX "OutcomeUpdate_outcomeId_at_idx" ON "OutcomeUpdate"("outcomeId", "at");

-- AddForeignKey
ALTER TABLE "Proposal" ADD CONSTRAINT "Proposal_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Proposal" ADD CONSTRAINT "Proposal_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Proposal" ADD CONSTRAINT "Proposal_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposalNeed" ADD CONSTRAINT "ProposalNeed_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposalPerson" ADD CONSTRAINT "ProposalPerson_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposalPerson" ADD CONSTRAINT "ProposalPerson_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposalRevision" ADD CONSTRAINT "ProposalRevision_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposalRevision" ADD CONSTRAINT "ProposalRevision_byUserId_fkey" FOREIGN KEY ("byUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposalEvent" ADD CONSTRAINT "ProposalEvent_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposalEvent" ADD CONSTRAINT "ProposalEvent_byUserId_fkey" FOREIGN KEY ("byUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Review" ADD CONSTRAINT "Review_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Review" ADD CONSTRAINT "Review_byUserId_fkey" FOREIGN KEY ("byUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Vote" ADD CONSTRAINT "Vote_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Vote" ADD CONSTRAINT "Vote_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ballot" ADD CONSTRAINT "Ballot_voteId_fkey" FOREIGN KEY ("voteId") REFERENCES "Vote"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ballot" ADD CONSTRAINT "Ballot_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_voteId_fkey" FOREIGN KEY ("voteId") REFERENCES "Vote"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Outcome" ADD CONSTRAINT "Outcome_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Outcome" ADD CONSTRAINT "Outcome_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Outcome" ADD CONSTRAINT "Outcome_executorPersonId_fkey" FOREIGN KEY ("executorPersonId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Milestone" ADD CONSTRAINT "Milestone_outcomeId_fkey" FOREIGN KEY ("outcomeId") REFERENCES "Outcome"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutcomeUpdate" ADD CONSTRAINT "OutcomeUpdate_outcomeId_fkey" FOREIGN KEY ("outcomeId") REFERENCES "Outcome"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutcomeUpdate" ADD CONSTRAINT "OutcomeUpdate_byUserId_fkey" FOREIGN KEY ("byUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
