CREATE TABLE "channel_accounts" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "channel_accounts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"site_id" integer NOT NULL,
	"channel" text NOT NULL,
	"external_id" text NOT NULL,
	"name" text NOT NULL,
	"sealed" text NOT NULL,
	"token_expires_at" timestamp with time zone,
	"token_invalid_at" timestamp with time zone,
	"enabled" boolean DEFAULT true NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "channel_accounts_site_channel_unique" UNIQUE("site_id","channel")
);
--> statement-breakpoint
CREATE TABLE "channel_posts" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "channel_posts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"item_id" integer NOT NULL,
	"channel" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"external_id" text,
	"url" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"error_kind" text,
	"last_error" text,
	"claimed_at" timestamp with time zone,
	"posted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "channel_posts_status_check" CHECK ("channel_posts"."status" in ('pending','posting','posted','failed','unconfirmed','skipped'))
);
--> statement-breakpoint
CREATE TABLE "content_comments" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "content_comments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"item_id" integer NOT NULL,
	"author_id" integer,
	"author_label" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "content_items" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "content_items_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"site_id" integer NOT NULL,
	"section_id" integer NOT NULL,
	"kind" text NOT NULL,
	"slug" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"title" text NOT NULL,
	"sapo" text DEFAULT '' NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"cover_media_id" integer,
	"cover_alt" text,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"field" text,
	"audiences" text[] DEFAULT '{}'::text[] NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"channels" text[] DEFAULT '{}'::text[] NOT NULL,
	"syndicate_to" integer[] DEFAULT '{}'::integer[] NOT NULL,
	"source_item_id" integer,
	"local_edits" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"publish_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"author_id" integer,
	"approved_by_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('vi_unaccent', coalesce(title, '')), 'A') || setweight(to_tsvector('vi_unaccent', coalesce(sapo, '')), 'B') || setweight(to_tsvector('vi_unaccent', regexp_replace(coalesce(body, ''), '<[^>]*>', ' ', 'g')), 'C')) STORED,
	CONSTRAINT "content_items_site_slug_unique" UNIQUE("site_id","slug"),
	CONSTRAINT "content_items_kind_check" CHECK ("content_items"."kind" in ('article','profile','document','event','page')),
	CONSTRAINT "content_items_status_check" CHECK ("content_items"."status" in ('draft','submitted','approved','scheduled','published','unpublished')),
	CONSTRAINT "content_items_field_check" CHECK ("content_items"."field" is null or "content_items"."field" in ('kinh_te_chinh_tri','van_hoa_xa_hoi','quoc_phong_an_ninh')),
	CONSTRAINT "content_items_slug_check" CHECK ("content_items"."slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$')
);
--> statement-breakpoint
CREATE TABLE "content_revisions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "content_revisions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"item_id" integer NOT NULL,
	"version" integer NOT NULL,
	"title" text NOT NULL,
	"sapo" text NOT NULL,
	"body" text NOT NULL,
	"snapshot" jsonb NOT NULL,
	"author_id" integer,
	"author_label" text NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "content_revisions_version_unique" UNIQUE("item_id","version")
);
--> statement-breakpoint
CREATE TABLE "digest_subscribers" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "digest_subscribers_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"email" text NOT NULL,
	"audience" text NOT NULL,
	"site_id" integer,
	"token" text NOT NULL,
	"confirmed_at" timestamp with time zone,
	"last_sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "digest_subscribers_token_unique" UNIQUE("token"),
	CONSTRAINT "digest_subscribers_audience_check" CHECK ("digest_subscribers"."audience" in ('dang_vien_duong_chuc','dang_vien_huu_tri','doan_vien','hoi_vien','hoc_sinh_phu_huynh','nhan_dan'))
);
--> statement-breakpoint
CREATE TABLE "media_files" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "media_files_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"site_id" integer,
	"kind" text NOT NULL,
	"mime" text NOT NULL,
	"original_name" text NOT NULL,
	"file" text NOT NULL,
	"bytes" integer NOT NULL,
	"width" integer,
	"height" integer,
	"sha256" text NOT NULL,
	"variants" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"alt" text,
	"created_by_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "media_files_kind_check" CHECK ("media_files"."kind" in ('image','file','video'))
);
--> statement-breakpoint
CREATE TABLE "site_sections" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "site_sections_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"site_id" integer NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"kind" text NOT NULL,
	"audiences" text[] DEFAULT '{}'::text[] NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"in_menu" boolean DEFAULT true NOT NULL,
	CONSTRAINT "site_sections_site_slug_unique" UNIQUE("site_id","slug"),
	CONSTRAINT "site_sections_kind_check" CHECK ("site_sections"."kind" in ('article','profile','document','event','page')),
	CONSTRAINT "site_sections_slug_check" CHECK ("site_sections"."slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$')
);
--> statement-breakpoint
CREATE TABLE "sites" (
	"unit_id" integer PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"tagline" text,
	"host_name" text,
	"logo_media_id" integer,
	"colour" text DEFAULT '#b3261e' NOT NULL,
	"contact" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"menu" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sites_host_name_unique" UNIQUE("host_name"),
	CONSTRAINT "sites_colour_check" CHECK ("sites"."colour" ~ '^#[0-9a-f]{6}$'),
	CONSTRAINT "sites_host_check" CHECK ("sites"."host_name" is null or "sites"."host_name" ~ '^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$')
);
--> statement-breakpoint
ALTER TABLE "channel_accounts" ADD CONSTRAINT "channel_accounts_site_id_sites_unit_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("unit_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_posts" ADD CONSTRAINT "channel_posts_item_id_content_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."content_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content_comments" ADD CONSTRAINT "content_comments_item_id_content_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."content_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content_comments" ADD CONSTRAINT "content_comments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content_items" ADD CONSTRAINT "content_items_site_id_sites_unit_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("unit_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content_items" ADD CONSTRAINT "content_items_section_id_site_sections_id_fk" FOREIGN KEY ("section_id") REFERENCES "public"."site_sections"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content_items" ADD CONSTRAINT "content_items_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content_items" ADD CONSTRAINT "content_items_approved_by_id_users_id_fk" FOREIGN KEY ("approved_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content_revisions" ADD CONSTRAINT "content_revisions_item_id_content_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."content_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content_revisions" ADD CONSTRAINT "content_revisions_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "digest_subscribers" ADD CONSTRAINT "digest_subscribers_site_id_sites_unit_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("unit_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "media_files" ADD CONSTRAINT "media_files_site_id_sites_unit_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("unit_id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "media_files" ADD CONSTRAINT "media_files_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_sections" ADD CONSTRAINT "site_sections_site_id_sites_unit_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("unit_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sites" ADD CONSTRAINT "sites_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "channel_posts_item_channel_unique" ON "channel_posts" USING btree ("item_id","channel");--> statement-breakpoint
CREATE INDEX "content_comments_item_idx" ON "content_comments" USING btree ("item_id");--> statement-breakpoint
CREATE INDEX "content_items_site_published_idx" ON "content_items" USING btree ("site_id","status","published_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "content_items_section_published_idx" ON "content_items" USING btree ("section_id","status","published_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "content_items_published_idx" ON "content_items" USING btree ("status","published_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "content_items_source_idx" ON "content_items" USING btree ("source_item_id");--> statement-breakpoint
CREATE INDEX "content_items_search_idx" ON "content_items" USING gin ("search");--> statement-breakpoint
CREATE INDEX "content_items_title_trgm_idx" ON "content_items" USING gin (f_unaccent(lower("title")) gin_trgm_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "digest_subscribers_unique" ON "digest_subscribers" USING btree ("email","audience",coalesce("site_id", 0));--> statement-breakpoint
CREATE INDEX "media_files_site_idx" ON "media_files" USING btree ("site_id");