// `npm run bench:page-weight`: what a phone on a throttled connection must download before the
// application forms are usable (HTML + the stylesheets it links, gzipped), and separately the scripts
// (which the forms do not need: they work without JavaScript). Baseline: the landing page.
import { gzipSync } from "node:zlib";
import pg from "pg";
import { signIn, startApp } from "./lib/app";

async function weigh(baseUrl: string, path: string, cookie?: string) {
  const headers: Record<string, string> = cookie ? { cookie } : {};
  const html = await (await fetch(baseUrl + path, { headers })).text();
  const gz = (s: string | Buffer) => gzipSync(s, { level: 9 }).length;
  const hrefs = (re: RegExp) => [...new Set([...html.matchAll(re)].map((m) => m[1]!))];
  const css = hrefs(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g);
  const js = hrefs(/<script[^>]+src="([^"]+)"/g);
  const sum = async (urls: string[]) => {
    let total = 0;
    for (const u of urls) total += gz(Buffer.from(await (await fetch(baseUrl + u)).arrayBuffer()));
    return total;
  };
  return { html: gz(html), css: await sum(css), js: await sum(js), scripts: js.length };
}

async function main() {
  const app = await startApp("weight", 3510, 54369);
  try {
    const cookie = await signIn(app.baseUrl, "applicant@demo.padtrymka.test", "padtrymka-demo");
    // A draft of the demo applicant's to weigh the form page (created directly; nothing else needs it).
    const pgc = new pg.Client({ connectionString: app.databaseUrl });
    await pgc.connect();
    const draftId = `bench-draft-${Date.now()}`;
    await pgc.query(
      `INSERT INTO "Application" (id, "applicantId", "fundId", status, "createdAt", "updatedAt")
       SELECT $1, u.id, 'demo-fund-academy', 'DRAFT', now(), now() FROM "User" u WHERE u.email = 'applicant@demo.padtrymka.test'`,
      [draftId],
    );
    await pgc.end();
    const draftPath = `/en/apply/${draftId}`;

    const rows: [string, string, string | undefined][] = [
      ["landing (baseline)", "/en", undefined],
      ["apply (eligibility check)", "/en/apply", undefined],
      ["application form", draftPath, cookie],
      ["status lookup", "/en/status", undefined],
    ];
    for (const [name, path, c] of rows) {
      const w = await weigh(app.baseUrl, path, c);
      const key = name.replace(/\W+/g, "_").replace(/_+$/, "");
      console.log(`${key}_html_plus_css_gzip ${((w.html + w.css) / 1024).toFixed(1)} KiB`);
      console.log(`${key}_scripts_gzip ${(w.js / 1024).toFixed(1)} KiB (${w.scripts} files, not needed to fill in and submit)`);
    }
    console.log(`form_page_path ${draftPath}`);
  } finally {
    await app.stop();
  }
}

void main();
