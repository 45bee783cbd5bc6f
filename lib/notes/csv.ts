// RFC 4180: fields separated by commas, records by CRLF; a field holding a comma, a double quote,
// CR or LF is enclosed in double quotes, and its double quotes are doubled.

/**
 * A spreadsheet would run a cell that begins with one of these as a formula; a leading
 * apostrophe keeps it text (OWASP "CSV injection"). `-` followed by a space is a list item, left alone.
 */
function defuse(value: string): string {
  return /^(?:[=+@\t\r]|-(?!\s))/u.test(value) ? `'${value}` : value;
}

export function csvField(value: string): string {
  const v = defuse(value);
  return /[",\r\n]/u.test(v) ? `"${v.replace(/"/gu, '""')}"` : v;
}

export function csvRecord(fields: readonly string[]): string {
  return fields.map(csvField).join(',');
}
