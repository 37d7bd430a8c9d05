-- Published anchors of the audit chain (docs/decisions/0052-published-audit-anchor.md). Append-only.
CREATE TABLE "AuditAnchor" (
    "id" TEXT NOT NULL,
    "publishedAt" TIMESTAMP(3) NOT NULL,
    "anchor" TEXT NOT NULL,
    "heads" JSONB NOT NULL,
    "signedText" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AuditAnchor_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "AuditAnchor_publishedAt_key" ON "AuditAnchor"("publishedAt");

-- Append-only, like the audit log: a published anchor is never edited or removed.
CREATE FUNCTION padtrymka_anchor_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'AuditAnchor is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER "AuditAnchor_append_only" BEFORE UPDATE OR DELETE ON "AuditAnchor"
  FOR EACH ROW EXECUTE FUNCTION padtrymka_anchor_append_only();
CREATE TRIGGER "AuditAnchor_no_truncate" BEFORE TRUNCATE ON "AuditAnchor"
  FOR EACH STATEMENT EXECUTE FUNCTION padtrymka_anchor_append_only();
