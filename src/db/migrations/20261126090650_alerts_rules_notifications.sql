CREATE TABLE "listening_alert_rules" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "listening_alert_rules_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"window_hours" integer DEFAULT 24 NOT NULL,
	"max_per_hour" integer DEFAULT 5 NOT NULL,
	"in_app" boolean DEFAULT true NOT NULL,
	"emails" text[] DEFAULT '{}'::text[] NOT NULL,
	"webhook_url" text,
	"enabled" boolean DEFAULT true NOT NULL,
	"last_evaluated_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "listening_alert_rules_kind_check" CHECK ("listening_alert_rules"."kind" in ('spike','frustration','query'))
);
--> statement-breakpoint
CREATE TABLE "listening_alerts" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "listening_alerts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"rule_id" integer NOT NULL,
	"subject" text NOT NULL,
	"dedupe_key" text NOT NULL,
	"title" text NOT NULL,
	"link" text NOT NULL,
	"figures" jsonb NOT NULL,
	"suppressed" boolean DEFAULT false NOT NULL,
	"emailed_at" timestamp with time zone,
	"webhook_at" timestamp with time zone,
	"webhook_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "listening_alerts_dedupe_key_unique" UNIQUE("dedupe_key")
);
--> statement-breakpoint
CREATE TABLE "listening_notifications" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "listening_notifications_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"user_id" integer NOT NULL,
	"alert_id" bigint NOT NULL,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "listening_alerts" ADD CONSTRAINT "listening_alerts_rule_id_listening_alert_rules_id_fk" FOREIGN KEY ("rule_id") REFERENCES "public"."listening_alert_rules"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listening_notifications" ADD CONSTRAINT "listening_notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listening_notifications" ADD CONSTRAINT "listening_notifications_alert_id_listening_alerts_id_fk" FOREIGN KEY ("alert_id") REFERENCES "public"."listening_alerts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "listening_alerts_rule_idx" ON "listening_alerts" USING btree ("rule_id","created_at");--> statement-breakpoint
CREATE INDEX "listening_notifications_user_idx" ON "listening_notifications" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "listening_notifications_unread_idx" ON "listening_notifications" USING btree ("user_id") WHERE read_at IS NULL;