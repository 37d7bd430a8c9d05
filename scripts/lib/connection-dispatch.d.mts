import type { Server } from "node:http";
import type { Socket } from "node:net";

export const CONNECTION: string;
export const READY: string;
export const CLOSED: string;
export const DISPATCHED_ENV: string;
export function leastConnections(processes: Map<number, { open: number; last: number }>): number | null;
export function createDispatcher(send: (id: number, socket: Socket, done: (err: Error | null) => void) => void): {
  hand(socket: Socket): void;
  ready(id: number): void;
  closed(id: number): void;
  gone(id: number): void;
  counts(): Map<number, number>;
};
export function serve(server: Server, port: number, onReady: () => void): (done: () => void) => void;
