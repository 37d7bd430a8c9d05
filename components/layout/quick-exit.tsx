"use client";
// Quick exit: leaves for a neutral site through our own /api/quick-exit (signs out when the account's
// setting says so, and clears what the browser keeps of this site), *replacing* this page in the tab's
// history, so Back does not return here. Without JavaScript it is a plain link to the same path. Shift
// pressed three times in a row also exits.
import { useEffect } from "react";
import { QUICK_EXIT_PATH } from "@/lib/users/quick-exit-rules";
import { OFFLINE_DRAFT_KEY } from "@/lib/sealed/offline-draft";

function leave() {
  // The offline page's draft (encrypted, but even its presence says something), its kept copy and its
  // service worker: gone first, with no connection too (the server's Clear-Site-Data cannot reach an
  // offline phone). At most a moment is waited for them before leaving.
  try {
    localStorage.removeItem(OFFLINE_DRAFT_KEY);
  } catch {}
  const erase = Promise.all([
    typeof caches === "undefined"
      ? null
      : caches.keys().then((names) => Promise.all(names.filter((n) => n.startsWith("padtrymka-offline-")).map((n) => caches.delete(n)))),
    navigator.serviceWorker?.getRegistrations().then((rs) => Promise.all(rs.map((r) => r.unregister()))),
  ]).catch(() => null);
  document.title = "";
  document.body.replaceChildren(); // nothing left on screen while the neutral site loads
  void Promise.race([erase, new Promise((r) => setTimeout(r, 300))]).then(() => window.location.replace(QUICK_EXIT_PATH));
}

export function QuickExit({ label, hint }: { label: string; hint: string }) {
  useEffect(() => {
    let presses: number[] = [];
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "Shift") return;
      const now = Date.now();
      presses = [...presses.filter((t) => now - t < 1000), now];
      if (presses.length >= 3) leave();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
  return (
    <a
      href={QUICK_EXIT_PATH}
      rel="nofollow noreferrer"
      title={hint}
      aria-describedby="quick-exit-hint"
      onClick={(e) => {
        e.preventDefault();
        leave();
      }}
      className="rounded bg-neutral-900 px-3 py-2 text-sm font-semibold text-white no-underline hover:bg-neutral-700 hover:text-white"
    >
      {label}
      <span id="quick-exit-hint" className="sr-only">
        {hint}
      </span>
    </a>
  );
}
