import { describe, expect, it, vi } from 'vitest';
import { browserSpeech } from '../../../../../content/lens/card/card-speech';

/** A window whose speech synthesis has these voices; `spoken` records what it was asked to read. */
function windowWith(voices: { lang: string; localService: boolean; name: string }[]) {
  const spoken: { text: string; voice: string | undefined }[] = [];
  const speechSynthesis = {
    getVoices: () => voices,
    cancel: vi.fn(),
    speak: (u: { text: string; voice: { name: string } | null }) => void spoken.push({ text: u.text, voice: u.voice?.name }),
    addEventListener: vi.fn(),
    removeEventListener: vi.fn(),
  };
  return { win: { speechSynthesis } as unknown as Window, spoken };
}

class FakeUtterance {
  lang = '';
  voice: unknown = null;
  rate = 1;
  constructor(readonly text: string) {}
}

describe('browserSpeech', () => {
  vi.stubGlobal('SpeechSynthesisUtterance', FakeUtterance);

  it('offers no speech when the only Chinese voice is a network one, and sends it nothing', () => {
    const { win, spoken } = windowWith([
      { lang: 'zh-CN', localService: false, name: 'Google 普通话（中国大陆）' },
      { lang: 'en-US', localService: true, name: 'Local English' },
    ]);
    const speech = browserSpeech(win);
    expect(speech.canSpeak()).toBe(false);
    speech.speak('人类命运共同体');
    expect(spoken).toEqual([]);
  });

  it('reads with a local Chinese voice, passing over a network one listed first', () => {
    const { win, spoken } = windowWith([
      { lang: 'zh-CN', localService: false, name: 'Google 普通话（中国大陆）' },
      { lang: 'zh-CN', localService: true, name: 'Local Mandarin' },
    ]);
    const speech = browserSpeech(win);
    expect(speech.canSpeak()).toBe(true);
    speech.speak('人类命运共同体');
    expect(spoken).toEqual([{ text: '人类命运共同体', voice: 'Local Mandarin' }]);
  });
});
