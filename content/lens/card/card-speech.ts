// Reading a term aloud with the system's speech synthesis, offered only where a Chinese voice is
// installed on this machine (a missing voice would read the characters with a wrong-language voice
// or not at all; a network voice would send the term to a server: lib/card/voices.ts).

import { pickChineseVoice } from '../../../lib/card/voices';

export interface Speech {
  /** Whether a local Chinese voice is installed now. */
  canSpeak(): boolean;
  speak(text: string): void;
  /** Calls back when the installed voices change (Chrome lists them only after a while); returns the unsubscriber. */
  onChange(listener: () => void): () => void;
}

export function browserSpeech(win: Window = window): Speech {
  // Looked up on first use: reading `speechSynthesis` starts the platform's speech service, which
  // costs every page some milliseconds, and most pages never open a card.
  let looked = false;
  let found: SpeechSynthesis | null = null;
  const synthesis = (): SpeechSynthesis | null => {
    if (!looked) {
      looked = true;
      found = 'speechSynthesis' in win ? win.speechSynthesis : null;
    }
    return found;
  };
  const voice = (): SpeechSynthesisVoice | null => {
    const synth = synthesis();
    return synth ? pickChineseVoice(synth.getVoices()) : null;
  };
  return {
    canSpeak: () => voice() !== null,
    speak(text) {
      const synth = synthesis();
      const chosen = voice();
      if (!synth || !chosen) return;
      synth.cancel();
      const utterance = new SpeechSynthesisUtterance(text);
      utterance.lang = 'zh-CN';
      utterance.voice = chosen;
      utterance.rate = 0.9;
      synth.speak(utterance);
    },
    onChange(listener) {
      const synth = synthesis();
      if (!synth) return () => {};
      synth.addEventListener('voiceschanged', listener);
      return () => synth.removeEventListener('voiceschanged', listener);
    },
  };
}
