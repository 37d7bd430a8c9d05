-- CreateTable
CREATE TABLE "AuditChain" (
    "chainIndex" BIGINT NOT NULL,
    "eventId" TEXT NOT NULL,
    "prevHash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AuditChain_pkey" PRIMARY KEY ("chainIndex")
);

-- CreateTable
CREATE TABLE "AuditChainHead" (
    "id" INTEGER NOT NULL,
    "chainIndex" BIGINT NOT NULL,
    "hash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AuditChainHead_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AuditChain_eventId_key" ON "AuditChain"("eventId");

-- ---------------------------------------------------------------------------------------------------
-- Hash chain over the audit log (docs/decisions/0014-audit-hash-chain.md). Each event gets a link when its
-- transaction commits (a deferred constraint trigger), in commit order: the head row's lock serialises
-- only the short linking step at commit, when a transaction holds no other lock it could still wait for.
CREATE FUNCTION padtrymka_audit_link_hash(prev text, e "AuditEvent") RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT encode(sha256(convert_to(
    prev || '|' || e.id || '|' || e.seq::text || '|' || COALESCE(e."actorId", '') || '|' || e.action || '|' || e."entityType" || '|' ||
    e."entityId" || '|' || e.data::text || '|' || to_char(e."createdAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS'), 'UTF8')), 'hex');
$$;

INSERT INTO "AuditChainHead" ("id", "chainIndex", "hash", "createdAt", "updatedAt") VALUES (1, 0, repeat('0', 64), now(), now());

CREATE FUNCTION padtrymka_audit_chain() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  head record;
  e "AuditEvent";
  h text;
BEGIN
  SELECT * INTO head FROM "AuditChainHead" WHERE id = 1 FOR UPDATE;
  SELECT * INTO e FROM "AuditEvent" WHERE id = NEW.id;
  h := padtrymka_audit_link_hash(head.hash, e);
  INSERT INTO "AuditChain" ("chainIndex", "eventId", "prevHash", "hash", "createdAt", "updatedAt") VALUES (head."chainIndex" + 1, e.id, head.hash, h, now(), now());
  UPDATE "AuditChainHead" SET "chainIndex" = head."chainIndex" + 1, "hash" = h, "updatedAt" = now() WHERE id = 1;
  RETURN NULL;
END;
$$;
CREATE CONSTRAINT TRIGGER "AuditEvent_chain" AFTER INSERT ON "AuditEvent"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION padtrymka_audit_chain();

-- The chain itself is append-only.
CREATE FUNCTION padtrymka_chain_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'AuditChain is append-only' USING ERRCODE = 'P0001';
END;
$$;
CREATE TRIGGER "AuditChain_append_only" BEFORE UPDATE OR DELETE ON "AuditChain"
  FOR EACH ROW EXECUTE FUNCTION padtrymka_chain_append_only();
CREATE TRIGGER "AuditChain_no_truncate" BEFORE TRUNCATE ON "AuditChain"
  FOR EACH STATEMENT EXECUTE FUNCTION padtrymka_chain_append_only();

-- Link the events that already exist, in their order.
DO $$
DECLARE
  e "AuditEvent";
  head record;
  h text;
BEGIN
  FOR e IN SELECT * FROM "AuditEvent" ORDER BY seq LOOP
    SELECT * INTO head FROM "AuditChainHead" WHERE id = 1;
    h := padtrymka_audit_link_hash(head.hash, e);
    INSERT INTO "AuditChain" ("chainIndex", "eventId", "prevHash", "hash", "createdAt", "updatedAt") VALUES (head."chainIndex" + 1, e.id, head.hash, h, now(), now());
    UPDATE "AuditChainHead" SET "chainIndex" = head."chainIndex" + 1, "hash" = h, "updatedAt" = now() WHERE id = 1;
  END LOOP;
END;
$$;
