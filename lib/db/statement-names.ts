// Names for prepared statements (docs/decisions/0021-prepared-statements.md). With a name, node-postgres
// prepares a statement once per connection and PostgreSQL keeps its parse tree (and, once it settles on
// one, its plan), instead of parsing and planning the same text on every call (the gain is measured in the ADR). The same SQL text always gets the same name (a hash of the text), so
// one name never stands for two statements. Bounded: each connection prepares at most `max` distinct
// statements; texts beyond that run unnamed as before (dynamic SQL cannot grow a server's memory).
import crypto from "node:crypto";

// Not an LRU cache: evicting a name would not unprepare its statement on the connections, so the bound is a stop.
export function statementNamer(max = 500): (query: { sql: string }) => string {
  const names = new Map<string, string>();
  return (query) => {
    const known = names.get(query.sql);
    if (known) return known;
    // An empty name means "unnamed" to node-postgres (the type wants a string).
    if (names.size >= max) return "";
    const name = `padtrymka_${crypto.createHash("sha256").update(query.sql).digest("base64url").slice(0, 24)}`;
    names.set(query.sql, name);
    return name;
  };
}
