-- Distinct voices of an issue over a period are counted from this index alone (index-only scan):
-- the author hash rides along with (issue_id, posted_at).
DROP INDEX IF EXISTS "listening_posts_issue_idx";--> statement-breakpoint
CREATE INDEX "listening_posts_issue_idx" ON "listening_posts" USING btree ("issue_id","posted_at") INCLUDE ("author_hash");
