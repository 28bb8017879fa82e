// A money flow drawn on the server as SVG: where the money came from (top), the account in the
// middle, where it went (bottom). Each bar's width is proportional to its amount, every bar has its
// name and amount written beside it (nothing is told by colour alone), and it reads top to bottom so
// it stays legible on a phone. For screen readers it is one image with a title and a description;
// the table on the same page is the full accessible equivalent.
import type { I18n } from '../../../core/i18n/i18n.js';
import { kr } from './savings-shared.js';

export interface FlowBar {
  label: string;
  amountOre: bigint;
}

const WIDTH = 400;
const PAD = 12;
const ROW = 58;
const BAR = 12;
const INNER = WIDTH - 2 * PAD;
const IN_FILL = '#00603c';
const OUT_FILL = '#0059b3';
const CENTER_FILL = '#f5f5f5';
const TEXT = '#1a1a1a';

function short(text: string, max = 50): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Width of a bar for `amount` when the largest is `max`: proportional, but never invisible. */
export function barWidth(amount: bigint, max: bigint, full = INNER): number {
  if (max <= 0n || amount <= 0n) return 0;
  const w = Number((amount * 10_000n) / max) / 10_000;
  return Math.max(3, Math.round(w * full * 10) / 10);
}

export function MoneyFlow(p: {
  i18n: I18n;
  id: string;
  title: string;
  desc: string;
  sourcesHeading: string;
  usesHeading: string;
  /** The account in the middle: its name and a few short lines (e.g. in, out, balance). */
  center: { label: string; detail: string[] };
  sources: FlowBar[];
  uses: FlowBar[];
  emptyText: string;
}) {
  const { i18n } = p;
  const max = [...p.sources, ...p.uses].reduce((m, b) => (b.amountOre > m ? b.amountOre : m), 0n);
  let y = PAD;
  const parts: unknown[] = [];
  const heading = (text: string) => {
    parts.push(
      <text x={PAD} y={y + 16} font-size="15" font-weight="bold" fill={TEXT}>
        {text}
      </text>,
    );
    y += 28;
  };
  const rows = (bars: FlowBar[], fill: string) => {
    if (bars.length === 0) {
      parts.push(
        <text x={PAD} y={y + 16} font-size="14" fill={TEXT}>
          {p.emptyText}
        </text>,
      );
      y += 30;
      return;
    }
    for (const b of bars) {
      parts.push(
        <text x={PAD} y={y + 15} font-size="14" fill={TEXT}>
          {short(b.label, 48)}
        </text>,
        <text x={PAD} y={y + 33} font-size="14" font-weight="bold" fill={TEXT}>
          {kr(i18n, b.amountOre)}
        </text>,
        <rect x={PAD} y={y + 40} width={barWidth(b.amountOre, max)} height={BAR} rx="2" fill={fill} />,
      );
      y += ROW;
    }
  };
  const arrow = () => {
    const cx = WIDTH / 2;
    parts.push(<path d={`M ${cx - 10} ${y} L ${cx + 10} ${y} L ${cx} ${y + 14} Z`} fill={TEXT} />);
    y += 22;
  };

  heading(p.sourcesHeading);
  rows(p.sources, IN_FILL);
  arrow();
  const boxHeight = 30 + 20 * p.center.detail.length;
  parts.push(
    <rect x={PAD} y={y} width={INNER} height={boxHeight} rx="4" fill={CENTER_FILL} stroke={TEXT} stroke-width="1.5" />,
    <text x={PAD + 10} y={y + 22} font-size="15" font-weight="bold" fill={TEXT}>
      {short(p.center.label, 44)}
    </text>,
    ...p.center.detail.map((d, i) => (
      <text x={PAD + 10} y={y + 44 + 20 * i} font-size="14" fill={TEXT}>
        {d}
      </text>
    )),
  );
  y += boxHeight + 8;
  arrow();
  heading(p.usesHeading);
  rows(p.uses, OUT_FILL);
  const height = y + PAD;

  return (
    <svg
      class="app-money-flow"
      xmlns="http://www.w3.org/2000/svg"
      viewBox={`0 0 ${WIDTH} ${height}`}
      width="100%"
      role="img"
      aria-labelledby={`${p.id}-title ${p.id}-desc`}
      focusable="false"
    >
      <title id={`${p.id}-title`}>{p.title}</title>
      <desc id={`${p.id}-desc`}>{p.desc}</desc>
      {parts}
    </svg>
  );
}
