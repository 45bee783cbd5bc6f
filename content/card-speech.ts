// Reading a term aloud with the system's speech synthesis, offered only where a Chinese voice is
// installed (a missing voice would read the characters with a wrong-language voice or not at all).

import { pickChineseVoice } from '../lib/card/voices';

export interface Speech {
  /** Whether a Chinese voice is installed now. */
  canSpeak(): boolean;
  speak(text: string): void;
  /** Calls back when the installed voices change (Chrome lists them only after a while); returns the unsubscriber. */
  onChange(listener: () => void): () => void;
}

export function browserSpeech(win: Window = window): Speech {
  const synth = 'speechSynthesis' in win ? win.speechSynthesis : null;
  const voice = (): SpeechSynthesisVoice | null => (synth ? pickChineseVoice(synth.getVoices()) : null);
  return {
    canSpeak: () => voice() !== null,
    speak(text) {
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
      if (!synth) return () => {};
      synth.addEventListener('voiceschanged', listener);
      return () => synth.removeEventListener('voiceschanged', listener);
    },
  };
}
