import type { IncomingMessage, ServerResponse } from "node:http";

type HeaderGetter = (name: string) => string | null | undefined;

export const LOCALES: string[];
export const SIGNED_IN: RegExp;
export const SESSION_COOKIE: RegExp;
export const PREPARED_HEADER: string;
export function sameOrigin(get: HeaderGetter): boolean;
export function pageCsp(nonce: string): string;
export function newNonce(): string;
export function formPostHeaders(get: HeaderGetter, locale: string | null, nonce: string): { headers: Record<string, string>; csp: string };
export function localeOf(pathname: string): string | null;
export function prepareFormPost(req: IncomingMessage, res: ServerResponse): boolean;
