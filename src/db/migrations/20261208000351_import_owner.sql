ALTER TABLE "listening_imports" ADD COLUMN "owner" text;--> statement-breakpoint
ALTER TABLE "listening_imports" ADD COLUMN "heartbeat_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "listening_imports" ADD COLUMN "stored_file" text;