CREATE TABLE "listening_imports" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "listening_imports_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"source_name" text NOT NULL,
	"file_name" text NOT NULL,
	"format" text NOT NULL,
	"status" text DEFAULT 'running' NOT NULL,
	"read" integer DEFAULT 0 NOT NULL,
	"added" integer DEFAULT 0 NOT NULL,
	"duplicates" integer DEFAULT 0 NOT NULL,
	"rejected" integer DEFAULT 0 NOT NULL,
	"errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"error" text,
	"actor" text NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "listening_issue_hourly" (
	"issue_id" integer NOT NULL,
	"hour" timestamp with time zone NOT NULL,
	"source_id" integer NOT NULL,
	"ward" text NOT NULL,
	"n" integer DEFAULT 0 NOT NULL,
	"negative" integer DEFAULT 0 NOT NULL,
	"positive" integer DEFAULT 0 NOT NULL,
	"frustration_sum" double precision DEFAULT 0 NOT NULL,
	"voices" integer[] DEFAULT '{}'::integer[] NOT NULL,
	CONSTRAINT "listening_issue_hourly_issue_id_hour_source_id_ward_pk" PRIMARY KEY("issue_id","hour","source_id","ward")
);
--> statement-breakpoint
CREATE TABLE "listening_issue_voices" (
	"issue_id" integer NOT NULL,
	"author_hash" text NOT NULL,
	CONSTRAINT "listening_issue_voices_issue_id_author_hash_pk" PRIMARY KEY("issue_id","author_hash")
);
--> statement-breakpoint
CREATE TABLE "listening_issues" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "listening_issues_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"label" text DEFAULT '' NOT NULL,
	"custom_label" text,
	"status" text DEFAULT 'active' NOT NULL,
	"merged_into" integer,
	"pinned" boolean DEFAULT false NOT NULL,
	"key_phrases" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"topics" text[] DEFAULT '{}'::text[] NOT NULL,
	"places" text[] DEFAULT '{}'::text[] NOT NULL,
	"post_count" integer DEFAULT 0 NOT NULL,
	"voices" integer DEFAULT 0 NOT NULL,
	"frustration_sum" double precision DEFAULT 0 NOT NULL,
	"negative" integer DEFAULT 0 NOT NULL,
	"neutral" integer DEFAULT 0 NOT NULL,
	"positive" integer DEFAULT 0 NOT NULL,
	"first_seen" timestamp with time zone NOT NULL,
	"last_seen" timestamp with time zone NOT NULL,
	"centroid" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"apart" integer[] DEFAULT '{}'::integer[] NOT NULL,
	"representative" bigint[] DEFAULT '{}'::bigint[] NOT NULL,
	"spike_at" timestamp with time zone,
	"spike_score" real,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "listening_issues_status_check" CHECK ("listening_issues"."status" in ('active','merged','archived'))
);
--> statement-breakpoint
CREATE TABLE "listening_labels" (
	"post_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"value" text NOT NULL,
	"user_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "listening_labels_post_id_kind_pk" PRIMARY KEY("post_id","kind"),
	CONSTRAINT "listening_labels_kind_check" CHECK ("listening_labels"."kind" in ('sentiment','topic'))
);
--> statement-breakpoint
CREATE TABLE "listening_models" (
	"kind" text PRIMARY KEY NOT NULL,
	"model" "bytea" NOT NULL,
	"examples" integer NOT NULL,
	"metrics" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"trained_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "listening_posts" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "listening_posts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"source_id" integer NOT NULL,
	"external_id" text NOT NULL,
	"parent_external_id" text,
	"author_hash" text,
	"posted_at" timestamp with time zone NOT NULL,
	"ingested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"url" text,
	"text" text,
	"status" smallint DEFAULT 0 NOT NULL,
	"sentiment" smallint,
	"sentiment_score" real,
	"frustration" real,
	"toxicity" real,
	"topics" text[],
	"places" text[],
	"ward" text DEFAULT '' NOT NULL,
	"signature" "bytea",
	"issue_id" integer,
	"issue_locked" boolean DEFAULT false NOT NULL,
	"purged_at" timestamp with time zone,
	CONSTRAINT "listening_posts_source_external_key" UNIQUE("source_id","external_id")
);
--> statement-breakpoint
CREATE TABLE "listening_sources" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "listening_sources_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"label" text NOT NULL,
	"settings" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"cursor" jsonb,
	"enabled" boolean DEFAULT true NOT NULL,
	"synthetic" boolean DEFAULT false NOT NULL,
	"interval_seconds" integer DEFAULT 900 NOT NULL,
	"status" text DEFAULT 'idle' NOT NULL,
	"last_error" text,
	"last_error_at" timestamp with time zone,
	"failures" integer DEFAULT 0 NOT NULL,
	"next_poll_at" timestamp with time zone,
	"last_polled_at" timestamp with time zone,
	"last_success_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "listening_sources_name_unique" UNIQUE("name"),
	CONSTRAINT "listening_sources_status_check" CHECK ("listening_sources"."status" in ('idle','ok','unhealthy')),
	CONSTRAINT "listening_sources_name_check" CHECK ("listening_sources"."name" ~ '^[a-z0-9][a-z0-9._-]{0,62}$')
);
--> statement-breakpoint
CREATE TABLE "listening_spikes" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "listening_spikes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"kind" text NOT NULL,
	"key" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"window_end" timestamp with time zone NOT NULL,
	"observed" integer NOT NULL,
	"expected" double precision NOT NULL,
	"score" double precision NOT NULL,
	"p_value" double precision NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "listening_spikes_key" UNIQUE("kind","key","window_end"),
	CONSTRAINT "listening_spikes_kind_check" CHECK ("listening_spikes"."kind" in ('issue','topic','place'))
);
--> statement-breakpoint
CREATE TABLE "listening_state" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"data" "bytea",
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "listening_topic_hourly" (
	"hour" timestamp with time zone NOT NULL,
	"topic" text NOT NULL,
	"ward" text NOT NULL,
	"source_id" integer NOT NULL,
	"n" integer DEFAULT 0 NOT NULL,
	"negative" integer DEFAULT 0 NOT NULL,
	"positive" integer DEFAULT 0 NOT NULL,
	"frustration_sum" double precision DEFAULT 0 NOT NULL,
	"voices" integer[] DEFAULT '{}'::integer[] NOT NULL,
	CONSTRAINT "listening_topic_hourly_hour_topic_ward_source_id_pk" PRIMARY KEY("hour","topic","ward","source_id")
);
--> statement-breakpoint
ALTER TABLE "listening_issue_hourly" ADD CONSTRAINT "listening_issue_hourly_issue_id_listening_issues_id_fk" FOREIGN KEY ("issue_id") REFERENCES "public"."listening_issues"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listening_issue_voices" ADD CONSTRAINT "listening_issue_voices_issue_id_listening_issues_id_fk" FOREIGN KEY ("issue_id") REFERENCES "public"."listening_issues"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listening_labels" ADD CONSTRAINT "listening_labels_post_id_listening_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."listening_posts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listening_labels" ADD CONSTRAINT "listening_labels_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listening_posts" ADD CONSTRAINT "listening_posts_source_id_listening_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."listening_sources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listening_posts" ADD CONSTRAINT "listening_posts_issue_id_listening_issues_id_fk" FOREIGN KEY ("issue_id") REFERENCES "public"."listening_issues"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "listening_issue_hourly_hour_idx" ON "listening_issue_hourly" USING btree ("hour");--> statement-breakpoint
CREATE INDEX "listening_issues_last_seen_idx" ON "listening_issues" USING btree ("last_seen");--> statement-breakpoint
CREATE INDEX "listening_posts_issue_idx" ON "listening_posts" USING btree ("issue_id","posted_at");--> statement-breakpoint
CREATE INDEX "listening_posts_pending_idx" ON "listening_posts" USING btree ("id") WHERE status = 0;--> statement-breakpoint
CREATE INDEX "listening_posts_posted_idx" ON "listening_posts" USING btree ("posted_at");--> statement-breakpoint
CREATE INDEX "listening_spikes_end_idx" ON "listening_spikes" USING btree ("window_end");