/**
 * CSV per RFC 4180, safe to open in a spreadsheet: cells that would start a formula
 * (=, +, -, @, tab, CR) are prefixed with a quote mark, since names come from users.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | boolean)[])[]): string {
  return [header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}

function cell(value: string | number | boolean): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
