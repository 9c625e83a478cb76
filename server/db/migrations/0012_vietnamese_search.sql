-- Diacritics-insensitive search for Vietnamese: unaccent, an IMMUTABLE wrapper that pins the
-- dictionary, and a text-search configuration on the simple parser (no stemming, which fits
-- syllable-based Vietnamese) with unaccent as a filter.
CREATE EXTENSION IF NOT EXISTS unaccent;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION public.f_unaccent(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  RETURN public.unaccent('public.unaccent'::regdictionary, $1);
--> statement-breakpoint
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_ts_config c JOIN pg_namespace n ON n.oid = c.cfgnamespace
                 WHERE c.cfgname = 'vi_unaccent' AND n.nspname = 'public') THEN
    CREATE TEXT SEARCH CONFIGURATION public.vi_unaccent (COPY = simple);
    ALTER TEXT SEARCH CONFIGURATION public.vi_unaccent
      ALTER MAPPING FOR hword, hword_part, word WITH public.unaccent, simple;
  END IF;
END $$;
