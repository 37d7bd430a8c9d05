"use client";
// Binds a server action to react-hook-form with the same zod schema the server parses.
// Without JavaScript the <form action> posts and the server re-renders with `state`; with JavaScript
// the schema validates as the user types and only a valid form is sent.
import { zodResolver } from "@hookform/resolvers/zod";
import { startTransition, useActionState, useEffect } from "react";
import { useForm, type FieldValues, type Resolver } from "react-hook-form";
import type { z } from "zod";
import type { ActionResult } from "@/lib/actions/result";
import { validationKey, zodErrorMap } from "@/lib/actions/validation-key";

type Action<T> = (prev: ActionResult<T> | null, fd: FormData) => Promise<ActionResult<T>>;

export function useActionForm<T>(schema: z.ZodType, action: Action<T>, defaults: Record<string, string> = {}) {
  const [state, formAction, pending] = useActionState(action, null);
  const form = useForm<FieldValues>({
    // The same issue -> key mapping as the server's (lib/actions/validation-key.ts): never zod's own text.
    resolver: zodResolver(schema as never, { error: zodErrorMap } as never) as unknown as Resolver<FieldValues>,
    mode: "onTouched",
    defaultValues: { ...defaults, ...(state?.values ?? {}) },
  });
  useEffect(() => {
    if (state && !state.ok && state.fieldErrors) {
      for (const [name, keys] of Object.entries(state.fieldErrors)) form.setError(name, { type: "server", message: keys[0] });
    }
  }, [state, form]);
  const onSubmit = (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const el = e.currentTarget; // read now: React clears currentTarget after the event
    // The clicked button's name/value (e.g. intent=submit vs intent=save) is part of the form data.
    const submitter = (e.nativeEvent as SubmitEvent).submitter;
    void form.handleSubmit(() => {
      startTransition(() => formAction(new FormData(el, submitter)));
    })(e);
  };
  /** Translation key of the first error of a field: the client's, else the server's (no-JS render). */
  const errorKey = (name: string): string | undefined => {
    const e = form.formState.errors[name];
    const m = e?.message;
    if (typeof m === "string")
      return validationKey({ code: typeof e?.type === "string" ? e.type : undefined, message: m }, form.getValues(name));
    return state && !state.ok ? state.fieldErrors?.[name]?.[0] : undefined;
  };
  return { form, state, formAction, pending, onSubmit, errorKey };
}
