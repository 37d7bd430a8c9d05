// The browser's resolver and the server's wrapper map every zod issue to a key of the catalogue.
import { zodResolver } from "@hookform/resolvers/zod";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import en from "@/messages/en.json";
import { fieldErrorsOf, validationKey, zodErrorMap } from "@/lib/actions/validation-key";
import { PseudonymousSignUpSchema, SignInSchema, SignUpSchema } from "@/lib/users/schemas";

const known = new Set(Object.keys(en.validation));

describe("validationKey", () => {
  it("keeps a key a schema set", () => {
    expect(validationKey({ code: "too_small", message: "password_short" }, "abc")).toBe("password_short");
  });
  it("maps zod's own messages by their code and the input", () => {
    expect(validationKey({ code: "invalid_type", message: "Invalid input: expected string, received undefined" }, undefined)).toBe(
      "required",
    );
    expect(validationKey({ code: "invalid_type", message: "Invalid input: expected string, received File" }, {})).toBe("invalid");
    expect(validationKey({ code: "too_small", message: "Too small: expected string to have >=1 characters" }, "")).toBe("required");
    expect(validationKey({ code: "too_big", message: "Too big" }, "x")).toBe("too_long");
    expect(validationKey({ code: "invalid_format", format: "email", message: "Invalid email address" }, "x")).toBe("email");
    expect(validationKey({ code: "invalid_value", message: "Invalid option: expected one of …" }, "X")).toBe("invalid");
    expect(validationKey({ code: "custom", message: "Invalid input" }, "")).toBe("required");
  });
  it("names only keys the catalogue has", () => {
    for (const k of ["required", "invalid", "too_long", "email"]) expect(known.has(k)).toBe(true);
  });
});

describe("the server's field errors", () => {
  it("says 'required' for fields missing from a post", () => {
    const r = SignUpSchema.safeParse({}, { error: zodErrorMap });
    expect(r.success).toBe(false);
    expect(fieldErrorsOf(r.error!.issues, {})).toEqual({ email: ["required"], password: ["required"], passwordConfirm: ["required"] });
  });
  it("maps issues of a schema without the error map too (a sentence is never a key)", () => {
    const r = z.object({ a: z.string() }).safeParse({ a: 5 });
    expect(fieldErrorsOf(r.error!.issues, { a: 5 })).toEqual({ a: ["invalid"] });
  });
});

describe("the browser's resolver", () => {
  for (const [name, schema, values] of [
    ["sign-in, empty", SignInSchema, {}],
    ["sign-up, empty", SignUpSchema, {}],
    ["sign-up without email, empty", PseudonymousSignUpSchema, {}],
    ["sign-up, blanks", SignUpSchema, { email: "", password: "", passwordConfirm: "" }],
  ] as const) {
    it(`gives catalogue keys only (${name})`, async () => {
      const resolve = zodResolver(schema as never, { error: zodErrorMap } as never);
      const r = await resolve(values as never, undefined, { fields: {}, shouldUseNativeValidation: false } as never);
      const messages = Object.values(r.errors).map((e) => (e as { message?: string }).message);
      expect(messages.length).toBeGreaterThan(0);
      expect(messages.filter((m) => !m || !known.has(m))).toEqual([]);
    });
  }
});
