/** Money is kept as whole pence. People type pounds: "12500", "12,500.50" or "£12,500". */
export function penceFromPounds(text: string): number | null {
  const cleaned = text.trim().replace(/^£/, '').replaceAll(',', '');
  if (!/^\d{1,9}(\.\d{1,2})?$/.test(cleaned)) return null;
  const [pounds = '0', pence = ''] = cleaned.split('.');
  return Number(pounds) * 100 + Number(pence.padEnd(2, '0'));
}

const formatter = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP' });

/** 1250050 → "£12,500.50". */
export function formatPence(pence: number): string {
  return formatter.format(pence / 100);
}

/** For a form field: 1250050 → "12500.50". */
export function poundsText(pence: number): string {
  return (pence / 100).toFixed(2);
}
