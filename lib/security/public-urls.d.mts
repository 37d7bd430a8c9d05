export type PublicOrigins = { list: string[]; byHost: Map<string, string[]> };

export class PublicUrlsError extends Error {}
export function originOf(raw: string): string;
export function parsePublicUrls(raw: string | undefined): string[];
export function publicOriginsOf(authUrl: string | undefined, publicUrls: string | undefined): PublicOrigins;
export function normalHost(host: string | null | undefined): string;
export function originForHost(host: string | null | undefined, origins: PublicOrigins, proto?: string | null): string | null;
export function linkOriginFor(host: string | null | undefined, origins: PublicOrigins, proto?: string | null): string | null;
export function isOnionHost(host: string | null | undefined): boolean;
