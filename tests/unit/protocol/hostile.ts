// Messages a compromised sender can build: Firefox's structured clone keeps BigInt and cycles, and
// a validator that reads them carelessly throws or echoes them. Each holds the marker SECRET (or a
// long run of x) that an error must not repeat.

const draft = {
  url: 'https://news.example.com/a',
  title: 'Summit',
  ref: null,
  selectors: null,
  body: 'my note',
  tags: [],
};

export function hostileMessages(): [string, unknown][] {
  const cyclic: Record<string, unknown> = { kind: 'term' };
  cyclic.self = cyclic;
  let deep: unknown[] = [];
  for (let i = 0; i < 200_000; i++) deep = [deep];
  const throwing = new Proxy(
    {},
    {
      getPrototypeOf: () => {
        throw new Error('SECRET trap');
      },
    },
  );
  const getter = {
    type: 'notes/create',
    get draft(): unknown {
      throw new RangeError('SECRET getter');
    },
  };
  const revoked = Proxy.revocable({}, {});
  revoked.revoke();
  const huge = `SECRET${'x'.repeat(5_000_000)}`;
  return [
    ['a BigInt where a literal is expected', { type: 'backup/export', format: 10n }],
    ['a BigInt tag', { type: 'notes/create', draft: { ...draft, ref: { kind: 10n } } }],
    ['a cyclic object where a literal is expected', { type: 'backup/export', format: cyclic }],
    ['a cyclic tag', { type: 'notes/create', draft: { ...draft, ref: { kind: cyclic } } }],
    ['an array nested 200,000 deep where a literal is expected', { type: 'backup/export', format: deep }],
    ['a getter that throws', getter],
    ['a proxy whose traps throw', throwing],
    ['a proxy as a field', { type: 'notes/list', filter: throwing }],
    ['a revoked proxy as a field', { type: 'notes/list', filter: revoked.proxy }],
    ['a huge literal', { type: 'backup/export', format: huge }],
    ['a huge type', { type: huge }],
    ['a huge unexpected field', { type: 'notes/list', [huge]: 1 }],
    ['a huge tag', { type: 'notes/create', draft: { ...draft, ref: { kind: huge } } }],
    ['a huge number', { type: 'notes/list', filter: { limit: 1.0000000000000002e300 } }],
  ];
}
