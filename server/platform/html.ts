/**
 * Escaping for server-rendered HTML: every value that reaches a page goes through `escapeHtml`.
 */
const MAP: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => MAP[c]!);
}

/** Tagged template that escapes every interpolated value (arrays are joined, already-safe parts kept). */
export class SafeHtml {
  constructor(readonly html: string) {}
  toString(): string {
    return this.html;
  }
}

export function html(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  let out = strings[0]!;
  values.forEach((v, i) => {
    const part = Array.isArray(v) ? v.map((x) => (x instanceof SafeHtml ? x.html : escapeHtml(x))).join('') : v instanceof SafeHtml ? v.html : escapeHtml(v);
    out += part + strings[i + 1]!;
  });
  return new SafeHtml(out);
}
