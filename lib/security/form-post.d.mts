import type { IncomingMessage, ServerResponse } from "node:http";
import type { PublicOrigins } from "./public-urls.mjs";

type HeaderGetter = (name: string) => string | null | undefined;

export const LOCALES: string[];
export const SIGNED_IN: RegExp;
export const SESSION_COOKIE: RegExp;
export const PREPARED_HEADER: string;
export const CHECKED_HEADER: string;
export const ALLOWED_METHODS: string[];
export const PROXIED: RegExp;
export function refusal(
  method: string | undefined,
  get: HeaderGetter,
  origins: PublicOrigins,
): { status: number; headers: Record<string, string>; body: string } | null;
export function hstsHeader(authUrl: string | undefined): string | null;
export function guardRequest(req: IncomingMessage, res: ServerResponse, config: { hsts: string | null; origins: PublicOrigins }): boolean;
export function sameOrigin(get: HeaderGetter, origins: PublicOrigins): boolean;
export function pageCsp(nonce: string): string;
export function newNonce(): string;
export function formPostHeaders(get: HeaderGetter, locale: string | null, nonce: string): { headers: Record<string, string>; csp: string };
export function localeOf(pathname: string): string | null;
export function prepareFormPost(req: IncomingMessage, res: ServerResponse, origins: PublicOrigins): boolean;
