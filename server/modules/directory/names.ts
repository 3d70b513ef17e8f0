/**
 * Matching of unit names as notices write them: full- and half-width punctuation alike, spaces
 * ignored, and the bracket forms of 〔〕 [] () （） treated as one.
 */

/** The key two spellings of one name share, e.g. `市政务数据办(市跑改办)` and `市政务数据办（市跑改办）`. */
export function nameKey(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/[\s\u3000]+/g, '')
    .replace(/[〔［【\[]/g, '(')
    .replace(/[〕］】\]]/g, ')')
    .replace(/[“”"'‘’]/g, '')
    .replace(/[。；;，,、:：]+$/u, '');
}

/**
 * The parts of a name with a bracketed alias, `市政务数据办（市跑改办）` → [`市政务数据办`, `市跑改办`];
 * empty when the name has no trailing bracket.
 */
export function bracketParts(name: string): string[] {
  const m = /^(.+?)[（(]([^（()）]+)[）)]$/u.exec(name.trim());
  return m ? [m[1]!.trim(), m[2]!.trim()] : [];
}

/** Tidies a name for display: trims, folds runs of spaces, uses full-width brackets as notices do. */
export function tidyName(name: string): string {
  return name.trim().replace(/[\s\u3000]+/g, '').replace(/\(/g, '（').replace(/\)/g, '）');
}
