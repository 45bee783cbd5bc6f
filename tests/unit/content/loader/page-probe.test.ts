// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PageProbe } from '../../../../content/loader/page-probe';
import type { ProbeReport } from '../../../../content/loader/page-probe';
import { buildPrefilter, Prefilter } from '../../../../lib/match/index';
import type { Pattern } from '../../../../lib/match/index';
import { setBody } from '../support/fixture';
import { clearTrace, traceEntries } from '../../../../content/shared/trace';

const QUOTE = '道虽迩，不行不至；事虽小，不为不成';
const patterns: Pattern[] = [
  { form: '一带一路', entry: 0, script: 'hans' },
  { form: 'Belt and Road', entry: 0, script: 'en' },
];
const corpus = [{ doc: 0, para: 0, text: `古人说：${QUOTE}。` }];
const prefilter = new Prefilter(buildPrefilter(patterns, corpus, { quotes: true }));

let probe: PageProbe | null = null;
afterEach(() => {
  probe?.stop();
  probe = null;
  clearTrace('tifa-lens:probe');
});

function startProbe(options: { prefilter?: Prefilter | null } = {}): {
  report: Promise<ProbeReport>;
  onMaybe: ReturnType<typeof vi.fn>;
  madePrefilter: ReturnType<typeof vi.fn>;
} {
  const onMaybe = vi.fn();
  const madePrefilter = vi.fn(() => (options.prefilter === undefined ? prefilter : options.prefilter));
  probe = new PageProbe(document, { prefilter: madePrefilter, onMaybe });
  return { report: probe.start(), onMaybe, madePrefilter };
}

describe('the page probe (what every page runs before the lens is loaded)', () => {
  it('lets a page without a term or quotation pass without asking for the lens', async () => {
    setBody('<p>今天天气很好，我们去公园散步。</p><p>The weather is fine today.</p>');
    const { report, onMaybe } = startProbe();
    const done = await report;
    expect(done).toMatchObject({ reason: 'initial', maybe: false, textNodes: 2 });
    expect(onMaybe).not.toHaveBeenCalled();
    // The pass is recorded for DevTools and the benchmark.
    expect(traceEntries('tifa-lens:probe')).toHaveLength(1);
  });

  it('asks for the lens, once, when a term may be on the page, even across inline tags', async () => {
    setBody('<p>共建“一<b>带</b>一路”</p><p>一带一路</p>');
    const { report, onMaybe } = startProbe();
    expect((await report).maybe).toBe(true);
    expect(onMaybe).toHaveBeenCalledTimes(1);
  });

  it('asks for it for a quotation of the corpus and for an English term', async () => {
    setBody(`<p>他说${QUOTE}。</p>`);
    expect(await startProbe().report).toMatchObject({ maybe: true });
    probe?.stop();
    setBody('<p>the <i>Belt</i> and Road</p>');
    expect(await startProbe().report).toMatchObject({ maybe: true });
  });

  it('does not read scripts, styles or form fields', async () => {
    setBody('<script>var a = "一带一路";</script><style>p::after{content:"一带一路"}</style><textarea>一带一路</textarea><p>别的</p>');
    const { report, onMaybe } = startProbe();
    expect((await report).maybe).toBe(false);
    expect(onMaybe).not.toHaveBeenCalled();
  });

  it('asks for the prefilter only once there is text to test (a blank frame never decodes it)', async () => {
    setBody('<p> </p><div></div>');
    const blank = startProbe();
    expect(await blank.report).toMatchObject({ maybe: false });
    expect(blank.madePrefilter).not.toHaveBeenCalled();
    probe?.stop();
    setBody('<p>别的</p>');
    const some = startProbe();
    expect(await some.report).toMatchObject({ maybe: false });
    expect(some.madePrefilter).toHaveBeenCalled();
  });

  it('without a prefilter (built for another glossary) any text asks for the lens, a blank page does not', async () => {
    setBody('<p> </p>');
    expect(await startProbe({ prefilter: null }).report).toMatchObject({ maybe: false });
    probe?.stop();
    setBody('<p>别的</p>');
    expect(await startProbe({ prefilter: null }).report).toMatchObject({ maybe: true });
  });

  it('keeps watching: a term the page adds later asks for the lens', async () => {
    setBody('<p>今天天气很好。</p><div id="feed"></div>');
    const { report, onMaybe } = startProbe();
    expect((await report).maybe).toBe(false);
    const item = document.createElement('p');
    item.textContent = '推进一带一路建设';
    document.getElementById('feed')!.append(item);
    await vi.waitFor(() => expect(onMaybe).toHaveBeenCalledTimes(1), { timeout: 2000 });
    const passes = traceEntries('tifa-lens:probe');
    expect(passes.map((p) => (p.detail as ProbeReport).reason)).toEqual(['initial', 'mutation']);
  });

  it('a term completed by an edit to existing text asks for the lens', async () => {
    setBody('<p id="p">一带</p>');
    const { report, onMaybe } = startProbe();
    expect((await report).maybe).toBe(false);
    document.getElementById('p')!.append('一路');
    await vi.waitFor(() => expect(onMaybe).toHaveBeenCalledTimes(1), { timeout: 2000 });
  });

  it('once stopped, watches no more', async () => {
    setBody('<p>今天天气很好。</p>');
    const { report, onMaybe } = startProbe();
    await report;
    probe?.stop();
    document.body.append(Object.assign(document.createElement('p'), { textContent: '一带一路' }));
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(onMaybe).not.toHaveBeenCalled();
  });
});
