// The traditional forms of the corpus's characters, as a page in traditional Chinese writes a
// quotation of the speech: the matcher's quote tracing accepts them (MatcherOptions.quoteVariants).
// Derived at build time from whole passages converted (so a character gets the form its context
// gives it: 发 is 發 in 发展 and 髮 in 头发), not from a table of single characters.

/**
 * Pairs "variant, corpus character" for `texts`, each variant once (to the corpus character it
 * most often stands for), in code-unit order. `traditional` gives a text's renderings; those that
 * change its length (Taiwan's vocabulary: 软件 → 軟體) are skipped, the others align character by
 * character.
 */
export function quoteVariantsOf(texts: readonly string[], traditional: (simplified: string) => string[]): string {
  const counts = new Map<string, Map<string, number>>();
  for (const text of texts) {
    const chars = [...text];
    for (const rendering of traditional(text)) {
      const out = [...rendering];
      if (out.length !== chars.length) continue;
      out.forEach((variant, i) => {
        const corpus = chars[i]!;
        if (variant === corpus) return;
        const targets = counts.get(variant) ?? new Map<string, number>();
        targets.set(corpus, (targets.get(corpus) ?? 0) + 1);
        counts.set(variant, targets);
      });
    }
  }
  return [...counts]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([variant, targets]) => {
      let best = '';
      let most = 0;
      for (const [corpus, n] of targets) {
        if (n > most || (n === most && corpus < best)) {
          best = corpus;
          most = n;
        }
      }
      return variant + best;
    })
    .join('');
}
