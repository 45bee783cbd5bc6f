import { describe, expect, it } from 'vitest';
import { pickChineseVoice } from '../../../lib/card/voices';

const local = (lang: string) => ({ lang, localService: true });

describe('pickChineseVoice', () => {
  it('prefers a mainland Mandarin voice and finds none among others', () => {
    const voices = [local('en-US'), local('zh-HK'), local('zh-TW'), local('zh_CN')];
    expect(pickChineseVoice(voices)?.lang).toBe('zh_CN');
    expect(pickChineseVoice([local('zh-HK')])?.lang).toBe('zh-HK');
    expect(pickChineseVoice([local('en-GB'), local('ja-JP')])).toBeNull();
  });

  // A network voice (Chrome's "Google 普通话") sends the text it reads to a server.
  it('picks only voices on this machine, so the term never leaves it', () => {
    const remote = { lang: 'zh-CN', localService: false };
    expect(pickChineseVoice([remote, local('zh-TW')])?.lang).toBe('zh-TW');
    expect(pickChineseVoice([remote])).toBeNull();
    expect(pickChineseVoice([{ lang: 'zh-CN' }])).toBeNull();
  });
});
