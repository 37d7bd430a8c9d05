import { afterEach, describe, expect, it, vi } from "vitest";
import { behindAppServer, markAppServer, startRefusal, WITHOUT_APP_SERVER } from "@/lib/security/app-server-mark.mjs";

// instrumentation.ts's background work is not under test here.
vi.mock("@/lib/applications/retention", () => ({ startRetentionTimer: vi.fn() }));
vi.mock("@/lib/crypto/emergency-lock", () => ({ startLockWatcher: vi.fn() }));
vi.mock("@/lib/crypto/seal-legacy-text", () => ({ sealLegacyCaseTexts: vi.fn(async () => undefined) }));

const KEY = Symbol.for("padtrymka.app-server");
const unmark = () => delete (globalThis as Record<symbol, unknown>)[KEY];

afterEach(() => {
  unmark();
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  vi.clearAllMocks();
});

describe("the app server's mark", () => {
  it("is only in a process where the app server set it", () => {
    expect(behindAppServer()).toBe(false);
    markAppServer();
    expect(behindAppServer()).toBe(true);
  });

  it("refuses a production build without it, with one line", () => {
    expect(startRefusal(true)).toBe(WITHOUT_APP_SERVER);
    expect(WITHOUT_APP_SERVER).not.toContain("\n");
  });

  it("lets a production build behind the app server start, and a development server without it", () => {
    expect(startRefusal(false)).toBeNull();
    markAppServer();
    expect(startRefusal(true)).toBeNull();
  });

  it("cannot come from the environment", () => {
    vi.stubEnv("PADTRYMKA_APP_SERVER", "1");
    expect(startRefusal(true)).toBe(WITHOUT_APP_SERVER);
  });
});

describe("instrumentation.ts", () => {
  const exits = () =>
    vi.spyOn(process, "exit").mockImplementation(((code?: number) => {
      throw new Error(`exit ${code}`);
    }) as never);

  it("stops a production server that is not behind the app server before anything else", async () => {
    vi.stubEnv("NEXT_RUNTIME", "nodejs");
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("PADTRYMKA_APP_SERVER", "1"); // configuration cannot stand in for the app server
    const exit = exits();
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const { register } = await import("@/instrumentation");
    await expect(register()).rejects.toThrow("exit 1");
    expect(exit).toHaveBeenCalledWith(1);
    expect(error).toHaveBeenCalledTimes(1);
    expect(error).toHaveBeenCalledWith(WITHOUT_APP_SERVER);
    const { startRetentionTimer } = await import("@/lib/applications/retention");
    expect(startRetentionTimer).not.toHaveBeenCalled();
  });

  it("starts behind the app server, and under `next dev`", async () => {
    vi.stubEnv("NEXT_RUNTIME", "nodejs");
    const exit = exits();
    const { register } = await import("@/instrumentation");
    const { startRetentionTimer } = await import("@/lib/applications/retention");
    vi.stubEnv("NODE_ENV", "development");
    await register();
    vi.stubEnv("NODE_ENV", "production");
    markAppServer();
    await register();
    expect(exit).not.toHaveBeenCalled();
    expect(startRetentionTimer).toHaveBeenCalledTimes(2);
  });
});
