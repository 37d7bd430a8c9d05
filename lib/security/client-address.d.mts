import type { IncomingMessage } from "node:http";
import type { BlockList } from "node:net";

export const CLIENT_HEADER: string;
export class TrustedProxiesError extends Error {}
export function parseTrustedProxies(raw: string | undefined): { list: BlockList; entries: string[] };
export function canonicalAddress(raw: string | undefined | null): string | null;
export function clientAddressOf(peer: string | undefined | null, forwardedFor: string | undefined | null, trusted: BlockList): string;
export function clientSubject(address: string): string;
export function prepareClient(req: IncomingMessage, trusted: BlockList): string;
