CREATE TABLE "claim_links" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "claim_links_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"claim_id" integer NOT NULL,
	"subject" text NOT NULL,
	"text" text NOT NULL,
	"level" text NOT NULL,
	"score" double precision NOT NULL,
	"decision" text,
	"decided_by" integer,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "claim_links_level_check" CHECK ("claim_links"."level" in ('suggested', 'confirmed')),
	CONSTRAINT "claim_links_decision_check" CHECK ("claim_links"."decision" is null or "claim_links"."decision" in ('confirmed', 'rejected'))
);
--> statement-breakpoint
CREATE TABLE "claims" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "claims_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"external_id" text,
	"statement" text NOT NULL,
	"status" text DEFAULT 'moi' NOT NULL,
	"verdict" text,
	"unit_id" integer NOT NULL,
	"handler_id" integer,
	"due_at" timestamp with time zone,
	"first_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_from" text NOT NULL,
	"created_from_ref" text,
	"correction_title" text,
	"correction_body" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "claims_external_id_unique" UNIQUE("external_id"),
	CONSTRAINT "claims_status_check" CHECK ("claims"."status" in ('moi', 'dang_xac_minh', 'da_ket_luan', 'da_cong_bo')),
	CONSTRAINT "claims_verdict_check" CHECK ("claims"."verdict" is null or "claims"."verdict" in ('sai', 'sai_mot_phan', 'gay_hieu_lam', 'chua_co_can_cu', 'dung'))
);
--> statement-breakpoint
ALTER TABLE "claim_links" ADD CONSTRAINT "claim_links_claim_id_claims_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."claims"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_links" ADD CONSTRAINT "claim_links_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claims" ADD CONSTRAINT "claims_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claims" ADD CONSTRAINT "claims_handler_id_users_id_fk" FOREIGN KEY ("handler_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "claim_links_claim_subject_idx" ON "claim_links" USING btree ("claim_id","subject");--> statement-breakpoint
CREATE INDEX "claims_status_idx" ON "claims" USING btree ("status");