// CSV cells that a spreadsheet would run as a formula are neutralised: a leading =, +, -, @ (or tab /
// carriage return, which some spreadsheets skip before them) gets a leading apostrophe.
export function neutraliseCell(value: string | number | null | undefined): string {
  const s = value === null || value === undefined ? "" : String(value);
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}
