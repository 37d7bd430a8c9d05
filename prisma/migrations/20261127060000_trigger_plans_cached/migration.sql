-- Statements inside the triggers a submission fires were planned again on every call (measured with
-- pg_stat_statements during bench:submit-load: as many plans as calls, about 0.3 ms of PostgreSQL CPU per
-- submission). PL/pgSQL keeps a statement's plan, but chose a fresh plan for each call of the funnel's
-- counter upserts (their custom plans look cheaper than the generic one), and a LANGUAGE sql function
-- such as the audit link hash is planned on every call. The plans are the same for any values here.

-- The funnel's counters: one plan per statement, kept.
ALTER FUNCTION padtrymka_funnel_on_stage() SET plan_cache_mode = force_generic_plan;
ALTER FUNCTION padtrymka_funnel_retract(text, int, text) SET plan_cache_mode = force_generic_plan;

-- The audit chain's link hash: the same expression, in PL/pgSQL, whose expression plans are kept.
CREATE OR REPLACE FUNCTION padtrymka_audit_link_hash(prev text, e "AuditEvent") RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  RETURN encode(sha256(convert_to(
    prev || '|' || e.id || '|' || e.seq::text || '|' || COALESCE(e."actorId", '') || '|' || e.action || '|' || e."entityType" || '|' ||
    e."entityId" || '|' || e.data::text || '|' || to_char(e."createdAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS'), 'UTF8')), 'hex');
END;
$$;
