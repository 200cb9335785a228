const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})/;
const SHOWN_DAY = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/** An ISO date or timestamp as officers write it: dd/MM/yyyy. */
export function formatDate(iso: string | null | undefined): string {
  const match = iso ? ISO_DAY.exec(iso) : null;
  return match ? `${match[3]}/${match[2]}/${match[1]}` : '';
}

/** A timestamp as dd/MM/yyyy HH:mm in the browser's time zone. */
export function formatDateTime(iso: string): string {
  const at = new Date(iso);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(at.getDate())}/${two(at.getMonth() + 1)}/${at.getFullYear()} ${two(at.getHours())}:${two(at.getMinutes())}`;
}

/** dd/MM/yyyy to YYYY-MM-DD; null when it is not a real calendar day. */
export function parseDate(shown: string): string | null {
  const match = SHOWN_DAY.exec(shown.trim());
  if (!match) return null;
  const [, day, month, year] = match;
  const iso = `${year}-${month!.padStart(2, '0')}-${day!.padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso ? null : iso;
}

export function todayIso(): string {
  const now = new Date();
  const two = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
}
