// CPU time (ms) used so far by the app's processes on this machine, read from /proc: the Next.js server
// processes and PostgreSQL's. For "CPU per request" figures next to the latency percentiles.
import fs from "node:fs";

const TICK_MS = 10; // USER_HZ is 100 on Linux

export function appCpuMs(): { node: number; postgres: number } {
  let node = 0;
  let postgres = 0;
  for (const d of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${d}/stat`, "utf8");
      const comm = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
      const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const ms = (Number(f[11]) + Number(f[12])) * TICK_MS;
      if (comm.startsWith("postgres")) postgres += ms;
      else if (comm.startsWith("next-server")) node += ms;
    } catch {
      /* the process ended meanwhile */
    }
  }
  return { node, postgres };
}
