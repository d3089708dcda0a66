-- Accent-insensitive Vietnamese search: unaccent folds diacritics (and đ to d), pg_trgm gives fuzzy matching.
CREATE EXTENSION IF NOT EXISTS unaccent;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
-- unaccent() is only STABLE; indexes need an IMMUTABLE wrapper bound to a fixed dictionary.
CREATE OR REPLACE FUNCTION f_unaccent(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;
--> statement-breakpoint
CREATE TEXT SEARCH CONFIGURATION vi_unaccent ( COPY = simple );
--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION vi_unaccent ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;
