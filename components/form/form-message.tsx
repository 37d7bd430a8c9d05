import type { ActionResult } from "@/lib/actions/result";

/** The form-level result of an action: an alert on failure, a status on success. */
export function FormMessage({ state, success }: { state: ActionResult<unknown> | null; success?: string }) {
  if (!state) return null;
  if (!state.ok)
    return (
      <p role="alert" className="rounded border border-red-700 bg-red-50 p-3 text-red-900">
        {state.message}
      </p>
    );
  return success ? (
    <p role="status" className="rounded border border-green-700 bg-green-50 p-3 text-green-900">
      {success}
    </p>
  ) : null;
}
