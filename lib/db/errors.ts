// Unique violations (SQLSTATE 23505) in each shape they reach the domain in, read in one place:
// - a Prisma model query: PrismaClientKnownRequestError P2002;
// - a raw Prisma query ($queryRaw, $executeRaw): P2010 "Raw query failed", the driver adapter's error in `meta`;
// - the driver adapter's own error (DriverAdapterError, `cause.kind` "UniqueConstraintViolation"), as it
//   escapes from some transaction paths;
// - node-postgres' error from a statement on the driver (hotQuery): `code` "23505" and `constraint`.
// Each carries the violated constraint (its index name, e.g. "Application_referenceCode_key", or its fields).
import { Prisma } from "@/lib/db/generated/client";

type AdapterCause = { kind?: unknown; originalCode?: unknown; constraint?: { index?: unknown; fields?: unknown } };

const isAdapterError = (e: unknown): e is { cause: AdapterCause } =>
  typeof e === "object" &&
  e !== null &&
  (e as { name?: unknown }).name === "DriverAdapterError" &&
  typeof (e as { cause?: unknown }).cause === "object";

const adapterConstraint = (c: AdapterCause): string | null =>
  c.kind === "UniqueConstraintViolation" || c.originalCode === "23505"
    ? [c.constraint?.index, ...(Array.isArray(c.constraint?.fields) ? c.constraint.fields : [])]
        .filter((x) => typeof x === "string")
        .join(",")
    : null;

/** The violated unique constraint (its name or fields, "" when the error does not say), or null when `e` is not a unique violation. */
export function uniqueViolation(e: unknown): string | null {
  if (e instanceof Prisma.PrismaClientKnownRequestError) {
    if (e.code !== "P2002" && e.code !== "P2010") return null;
    const inner = (e.meta as { driverAdapterError?: unknown } | undefined)?.driverAdapterError;
    if (isAdapterError(inner)) return adapterConstraint(inner.cause);
    // Without the adapter's error: P2002 is a unique violation by definition; its `target` names the fields.
    if (e.code === "P2002")
      return [(e.meta as { target?: unknown } | undefined)?.target]
        .flat()
        .filter((x) => typeof x === "string")
        .join(",");
    return null;
  }
  if (isAdapterError(e)) return adapterConstraint(e.cause);
  if (e instanceof Error && (e as { code?: unknown }).code === "23505") return String((e as { constraint?: unknown }).constraint ?? "");
  return null;
}

/** Whether `e` is a unique violation, on a constraint that names `column` when one is given. */
export function isUniqueViolation(e: unknown, column?: string): boolean {
  const constraint = uniqueViolation(e);
  return constraint !== null && (column === undefined || constraint.includes(column));
}
