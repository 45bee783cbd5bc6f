// RFC 4180: fields separated by commas, records by CRLF; a field holding a comma, a double quote,
// CR or LF is enclosed in double quotes, and its double quotes are doubled.

/**
 * A spreadsheet may run a cell that begins with one of these (or their full-width forms) as a
 * formula, `- 1+1` included; a leading apostrophe keeps it text (OWASP "CSV injection"). Every
 * such cell is guarded: quotes are text a page chose, and the page may choose a formula.
 */
function defuse(value: string): string {
  return /^[=+\-@\t\r＝＋－＠]/u.test(value) ? `'${value}` : value;
}

export function csvField(value: string): string {
  const v = defuse(value);
  return /[",\r\n]/u.test(v) ? `"${v.replace(/"/gu, '""')}"` : v;
}

export function csvRecord(fields: readonly string[]): string {
  return fields.map(csvField).join(',');
}
