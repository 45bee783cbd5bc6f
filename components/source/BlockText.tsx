import type { ComponentChildren } from 'preact';
import { rubyUnits } from '../../lib/source/ruby';
import type { Piece, Run } from '../../lib/source/segments';

export interface BlockTextProps {
  text: string;
  runs: readonly Run[];
  /** Pinyin by UTF-16 offset of each Han character, when pinyin is shown. */
  readings: ReadonlyMap<number, string> | null;
}

function Chars({ text, start, end, readings }: { text: string; start: number; end: number; readings: ReadonlyMap<number, string> | null }) {
  if (!readings) return <>{text.slice(start, end)}</>;
  const out: ComponentChildren[] = [];
  let plain = '';
  for (const unit of rubyUnits(text, start, end, readings)) {
    if (unit.reading === null) {
      plain += unit.char;
      continue;
    }
    if (plain) out.push(plain);
    plain = '';
    out.push(
      <ruby key={unit.offset}>
        {unit.char}
        <rp>(</rp>
        <rt>{unit.reading}</rt>
        <rp>)</rp>
      </ruby>,
    );
  }
  if (plain) out.push(plain);
  return <>{out}</>;
}

function PieceText({ text, piece, readings }: { text: string; piece: Piece; readings: ReadonlyMap<number, string> | null }) {
  const chars = <Chars text={text} start={piece.start} end={piece.end} readings={readings} />;
  if (!piece.hit && !piece.cited) return chars;
  const classes = [piece.hit ? 'hit' : '', piece.cited ? 'cited' : ''].filter(Boolean).join(' ');
  return (
    <mark class={classes} data-cited={piece.cited ? '' : undefined}>
      {chars}
    </mark>
  );
}

/** A block's text: glossary terms as focusable spans, search hits and the cited passage marked. */
export function BlockText({ text, runs, readings }: BlockTextProps) {
  return (
    <>
      {runs.map((run) => {
        const pieces = run.pieces.map((piece) => <PieceText key={piece.start} text={text} piece={piece} readings={readings} />);
        if (!run.term) return pieces;
        return (
          <span
            key={run.start}
            class={run.pieces.every((p) => p.cited) ? 'term term--cited' : 'term'}
            role="button"
            tabIndex={0}
            aria-haspopup="dialog"
            data-entry={run.term.entry}
            data-occurrence={run.term.occurrence}
          >
            {pieces}
          </span>
        );
      })}
    </>
  );
}
