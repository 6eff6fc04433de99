-- Trigram matching for the databank's LIKE '%…%' searches (a trusted extension since
-- PostgreSQL 13: the database's owner may create it).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateIndex
CREATE INDEX "Person_searchText_idx" ON "Person" USING GIN ("searchText" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Person_nameKey_idx" ON "Person" USING GIN ("nameKey" gin_trgm_ops);
