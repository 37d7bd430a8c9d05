import type { IncomingMessage, ServerResponse } from "node:http";

export function setResponseStatus(status: number): void;
export function withResponseStatus<T>(req: IncomingMessage, res: ServerResponse, handle: () => T): T;
