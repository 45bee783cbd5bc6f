/** The fields of a SpeechSynthesisVoice that choosing one reads. */
export interface VoiceLike {
  lang: string;
  localService?: boolean;
  default?: boolean;
}

/**
 * A voice on this machine that reads Mandarin, mainland first (zh-CN, then cmn, then any zh such
 * as zh-TW; Cantonese voices last since they read the characters in Cantonese); null when there
 * is none. A network voice (`localService` false, or not said) would send the term to a server.
 */
export function pickChineseVoice<V extends VoiceLike>(voices: readonly V[]): V | null {
  const rank = (voice: V): number => {
    const lang = voice.lang.toLowerCase().replace(/_/gu, '-');
    if (lang === 'zh-cn' || lang.startsWith('zh-hans') || lang === 'cmn-cn' || lang === 'cmn-hans-cn') return 0;
    if (lang.startsWith('cmn')) return 1;
    if (lang === 'zh-hk' || lang.startsWith('yue')) return 3;
    if (lang === 'zh' || lang.startsWith('zh-')) return 2;
    return -1;
  };
  let best: V | null = null;
  let bestRank = Infinity;
  for (const voice of voices) {
    if (voice.localService !== true) continue;
    const r = rank(voice);
    if (r >= 0 && r < bestRank) {
      best = voice;
      bestRank = r;
    }
  }
  return best;
}
