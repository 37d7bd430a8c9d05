import { describe, expect, it } from "vitest";
import { createDispatcher, leastConnections } from "./connection-dispatch.mjs";

type FakeSocket = { destroyed: boolean; name: string };
const socket = (name: string): FakeSocket => ({ destroyed: false, name });

function harness(fail: Set<number> = new Set()) {
  const handed: [number, string][] = [];
  const d = createDispatcher((id, s, done) => {
    if (fail.has(id)) return done(new Error("gone"));
    handed.push([id, (s as unknown as FakeSocket).name]);
    done(null);
  });
  const hand = (name: string) => d.hand(socket(name) as never);
  return { d, handed, hand };
}

describe("least-connections dispatch", () => {
  it("picks the fewest open connections, and among equals the one handed one longest ago", () => {
    expect(leastConnections(new Map())).toBeNull();
    expect(
      leastConnections(
        new Map([
          [1, { open: 3, last: 1 }],
          [2, { open: 2, last: 9 }],
        ]),
      ),
    ).toBe(2);
    expect(
      leastConnections(
        new Map([
          [1, { open: 2, last: 7 }],
          [2, { open: 2, last: 5 }],
        ]),
      ),
    ).toBe(2);
  });

  it("spreads keep-alive connections evenly and alternates short-lived ones", () => {
    const { d, handed, hand } = harness();
    d.ready(1);
    d.ready(2);
    for (let i = 0; i < 6; i++) hand(`k${i}`);
    expect(d.counts()).toEqual(
      new Map([
        [1, 3],
        [2, 3],
      ]),
    );
    // Two close on process 1: the next two go there.
    d.closed(1);
    d.closed(1);
    hand("a");
    hand("b");
    expect(handed.slice(-2).map(([id]) => id)).toEqual([1, 1]);
    // Short-lived connections (each closed before the next arrives) alternate.
    const before = handed.length;
    for (let i = 0; i < 4; i++) {
      hand(`s${i}`);
      d.closed(handed.at(-1)![0]);
    }
    expect(handed.slice(before).map(([id]) => id)).toEqual([2, 1, 2, 1]);
  });

  it("keeps connections that arrive before any process is ready, and hands them to the first one", () => {
    const { d, handed, hand } = harness();
    hand("early1");
    hand("early2");
    expect(handed).toEqual([]);
    d.ready(7);
    expect(handed).toEqual([
      [7, "early1"],
      [7, "early2"],
    ]);
  });

  it("gives a connection to another process when the hand-over fails, and forgets a process that is gone", () => {
    const { d, handed, hand } = harness(new Set([1]));
    d.ready(1);
    d.ready(2);
    hand("x");
    expect(handed).toEqual([[2, "x"]]);
    expect([...d.counts().keys()]).toEqual([2]);
    d.gone(2);
    hand("y");
    expect(handed).toEqual([[2, "x"]]); // waits for a ready process
    d.ready(3);
    expect(handed.at(-1)).toEqual([3, "y"]);
  });
});
