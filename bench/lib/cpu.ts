// CPU time (ms) used so far by the app's processes, read from /proc: the Next.js server processes and
// PostgreSQL's. For "CPU per request" figures next to the latency percentiles. With `root` (the app's
// process id), only that process and its descendants count: on a shared machine other people's Next.js
// servers and databases are not this app's CPU.
import fs from "node:fs";

const TICK_MS = 10; // USER_HZ is 100 on Linux

export function appCpuMs(root?: number): { node: number; postgres: number } {
  const procs = new Map<number, { parent: number; comm: string; ms: number }>();
  for (const d of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${d}/stat`, "utf8");
      const comm = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
      const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      procs.set(Number(d), { parent: Number(f[1]), comm, ms: (Number(f[11]) + Number(f[12])) * TICK_MS });
    } catch {
      /* the process ended meanwhile */
    }
  }
  const ours = (pid: number): boolean => {
    for (let p: number | undefined = pid, hops = 0; p !== undefined && p > 1 && hops < 64; p = procs.get(p)?.parent, hops++)
      if (p === root) return true;
    return false;
  };
  let node = 0;
  let postgres = 0;
  for (const [pid, { comm, ms }] of procs) {
    if (root !== undefined && !ours(pid)) continue;
    if (comm.startsWith("postgres")) postgres += ms;
    else if (comm.startsWith("next-server")) node += ms;
  }
  return { node, postgres };
}
