// A flooder sets any header: per-client limits must count the address the connection comes from, not
// X-Forwarded-For (the e2e server declares no trusted proxy). Each test connects from its own loopback
// addresses, so it is its own client (and fills no limit of the other tests).
import { demo, DEMO_PASSWORD, expect, test, uniqueEmail } from "./fixtures";
import { loopback, postForm } from "./raw-http";

const LIMITED = /Too many attempts\. Try again in \d+ min\./;
/** Whether the page answered "try again in N min" (a boolean: a failure does not print the whole page). */
const limited = (r: { body: string }) => LIMITED.test(r.body);
const lookup = (from: string, xff?: string) =>
  postForm("/en/status", 'name="code"', { code: "PAD-2222-3333" }, { from, headers: xff ? { "x-forwarded-for": xff } : {} });
const signIn = (from: string, identifier: string, password: string, xff?: string) =>
  postForm("/en/sign-in", 'name="identifier"', { identifier, password }, { from, headers: xff ? { "x-forwarded-for": xff } : {} });
/** What Next.js itself would have put in X-Forwarded-For for a client at `address` (the socket's form). */
const asSocketSees = (address: string) => `::ffff:${address}`;

test("a flooder who rotates X-Forwarded-For still runs out of status lookups after ten", async () => {
  const from = loopback();
  for (let i = 0; i < 10; i++) {
    const r = await lookup(from, `203.0.113.${i + 1}`);
    expect(r.status).toBe(200);
    expect(limited(r), `lookup ${i + 1}`).toBe(false);
  }
  const eleventh = await lookup(from, "203.0.113.99");
  expect(limited(eleventh)).toBe(true);
});

test("a flooder who sends someone else's address in X-Forwarded-For does not use up that person's status lookups", async () => {
  const [flooder, victim] = [loopback(), loopback()];
  for (let i = 0; i < 11; i++) await lookup(flooder, asSocketSees(victim));
  expect(limited(await lookup(flooder))).toBe(true);
  expect(limited(await lookup(victim))).toBe(false);
});

test("a password guesser who rotates X-Forwarded-For is paused after thirty failures from one address", async () => {
  test.setTimeout(90_000);
  const from = loopback();
  for (let i = 0; i < 30; i++) {
    // A new account name each time: only the per-client limit can stop this.
    const r = await signIn(from, uniqueEmail("guess"), "wrong password!", `198.51.100.${i + 1}`);
    expect(limited(r), `attempt ${i + 1}`).toBe(false);
  }
  expect(limited(await signIn(from, uniqueEmail("guess"), "wrong password!", "198.51.100.200"))).toBe(true);
});

test("a flooder who sends someone else's address in X-Forwarded-For cannot pause that person's sign-in", async () => {
  test.setTimeout(90_000);
  const [flooder, victim] = [loopback(), loopback()];
  for (let i = 0; i < 31; i++) await signIn(flooder, uniqueEmail("flood"), "wrong password!", asSocketSees(victim));
  expect(limited(await signIn(flooder, uniqueEmail("flood"), "wrong password!"))).toBe(true);
  const r = await signIn(victim, demo("donor"), DEMO_PASSWORD);
  expect(r.status).toBe(303);
  expect(r.headers.location).toMatch(/\/en\/me$/);
});
