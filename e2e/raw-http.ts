// Requests a browser cannot make, for the edge tests: from a chosen loopback source address (each test is
// its own client, so per-client limits of one test never touch another's), with any header a flooder sets,
// with any method; and the JavaScript-free form post of a server action (the form's hidden $ACTION fields,
// as a browser without JavaScript sends them).
import http from "node:http";

export const PORT = Number(process.env.E2E_PORT ?? 3100); // the port of playwright.config.ts
export const ORIGIN = `http://localhost:${PORT}`;

export type Reply = { status: number; headers: http.IncomingHttpHeaders; body: string };

/** A client on its own loopback address: 127.0.0.<n>, n from 2 to 254 (127.0.0.1 is every other test's). */
export const loopback = () => `127.0.${1 + Math.floor(Math.random() * 254)}.${2 + Math.floor(Math.random() * 252)}`;

export function send(
  path: string,
  opts: { method?: string; headers?: Record<string, string>; body?: Buffer; from?: string } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: "127.0.0.1",
        port: PORT,
        path,
        method: opts.method ?? "GET",
        localAddress: opts.from,
        headers: { host: `localhost:${PORT}`, ...opts.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }));
      },
    );
    req.on("error", reject);
    req.end(opts.body);
  });
}

const decode = (s: string) =>
  s.replaceAll("&quot;", '"').replaceAll("&#x27;", "'").replaceAll("&lt;", "<").replaceAll("&gt;", ">").replaceAll("&amp;", "&");

/** The hidden fields of the first form in `html` that contains `marker` (e.g. `name="email"`). */
export function hiddenFields(html: string, marker: string): [string, string][] {
  const form = html
    .split("<form")
    .slice(1)
    .map((f) => f.split("</form>")[0]!)
    .find((f) => f.includes(marker));
  if (!form) throw new Error(`no form with ${marker}`);
  return [...form.matchAll(/<input type="hidden" name="([^"]*)"(?: value="([^"]*)")?\/>/g)].map((m) => [decode(m[1]!), decode(m[2] ?? "")]);
}

/**
 * Opens `page` and posts its form that contains `marker` with `fields`, as a browser without JavaScript
 * does (multipart, `Origin: null` with the browser's same-origin mark; `origin` replaces both, `false`
 * sends neither), to the page itself or to `to`. Returns the reply to the post.
 */
export async function postForm(
  page: string,
  marker: string,
  fields: Record<string, string>,
  opts: { from?: string; headers?: Record<string, string>; cookie?: string; to?: string; origin?: string | false } = {},
): Promise<Reply> {
  const cookie: Record<string, string> = opts.cookie ? { cookie: opts.cookie } : {};
  const origin: Record<string, string> =
    opts.origin === undefined ? { origin: "null", "sec-fetch-site": "same-origin" } : opts.origin === false ? {} : { origin: opts.origin };
  const html = (await send(page, { from: opts.from, headers: cookie })).body;
  const fd = new FormData();
  for (const [k, v] of hiddenFields(html, marker)) fd.append(k, v);
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  const encoded = new Request(ORIGIN, { method: "POST", body: fd });
  const body = Buffer.from(await encoded.arrayBuffer());
  return send(opts.to ?? page, {
    method: "POST",
    from: opts.from,
    body,
    headers: { "content-type": encoded.headers.get("content-type")!, ...origin, ...cookie, ...opts.headers },
  });
}
