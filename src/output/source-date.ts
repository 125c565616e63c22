/**
 * The instant a build stamps into its outputs (EPUB `dcterms:modified`, zip entry dates,
 * PDF dates): SOURCE_DATE_EPOCH when set (reproducible-builds.org), else the book's
 * publication date, else 1980-01-01, the earliest date a zip file can hold. Never the
 * clock: the same sources must give the same bytes.
 */
export function sourceDate(manifestDate?: string, env: NodeJS.ProcessEnv = process.env): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && /^\d+$/.test(epoch.trim())) return new Date(Number(epoch.trim()) * 1000);
  if (manifestDate) {
    const [year, month = '01', day = '01'] = manifestDate.split('-');
    return new Date(`${year}-${month}-${day}T00:00:00Z`);
  }
  return new Date('1980-01-01T00:00:00Z');
}

/** `2024-07-31T01:39:34Z`: the form EPUB's dcterms:modified requires. */
export function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
