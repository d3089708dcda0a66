CREATE TABLE "listening_issue_daily" (
	"issue_id" integer NOT NULL,
	"day" timestamp with time zone NOT NULL,
	"source_id" integer NOT NULL,
	"ward" text NOT NULL,
	"n" integer DEFAULT 0 NOT NULL,
	"negative" integer DEFAULT 0 NOT NULL,
	"positive" integer DEFAULT 0 NOT NULL,
	"frustration_sum" double precision DEFAULT 0 NOT NULL,
	"voices" integer[] DEFAULT '{}'::integer[] NOT NULL,
	CONSTRAINT "listening_issue_daily_issue_id_day_source_id_ward_pk" PRIMARY KEY("issue_id","day","source_id","ward")
);
--> statement-breakpoint
ALTER TABLE "listening_issue_daily" ADD CONSTRAINT "listening_issue_daily_issue_id_listening_issues_id_fk" FOREIGN KEY ("issue_id") REFERENCES "public"."listening_issues"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "listening_issue_daily_day_idx" ON "listening_issue_daily" USING btree ("day");--> statement-breakpoint
-- The daily rows of what is stored already: the hourly rows summed per Vietnam day (days start at
-- 17:00 UTC), voice sketches united and capped at 5 as the store caps them.
INSERT INTO "listening_issue_daily" ("issue_id", "day", "source_id", "ward", "n", "negative", "positive", "frustration_sum", "voices")
SELECT c.issue_id, c.day, c.source_id, c.ward, c.n, c.negative, c.positive, c.fsum, coalesce(v.voices, '{}'::integer[])
FROM (
  SELECT issue_id, to_timestamp(floor((extract(epoch FROM hour) + 25200) / 86400) * 86400 - 25200) AS day, source_id, ward,
    sum(n)::int AS n, sum(negative)::int AS negative, sum(positive)::int AS positive, sum(frustration_sum) AS fsum
  FROM "listening_issue_hourly" GROUP BY 1, 2, 3, 4
) c
LEFT JOIN (
  SELECT issue_id, day, source_id, ward, (array_agg(DISTINCT x ORDER BY x))[1:5] AS voices
  FROM (SELECT issue_id, to_timestamp(floor((extract(epoch FROM hour) + 25200) / 86400) * 86400 - 25200) AS day, source_id, ward, unnest(voices) AS x FROM "listening_issue_hourly") u
  GROUP BY 1, 2, 3, 4
) v USING (issue_id, day, source_id, ward);
--> statement-breakpoint
-- Voices of a period filtered by source or ward are counted from the index alone too.
DROP INDEX IF EXISTS "listening_posts_issue_idx";--> statement-breakpoint
CREATE INDEX "listening_posts_issue_idx" ON "listening_posts" USING btree ("issue_id","posted_at") INCLUDE ("author_hash","source_id","ward");
