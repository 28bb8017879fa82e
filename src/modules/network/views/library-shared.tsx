// Small pieces the library's pages share: a case text in the visitor's language (or the other one,
// marked with its lang), status badges, amounts and hours, and case cards.
import type { I18n } from '../../../core/i18n/i18n.js';
import { Badge, type BadgeKind } from '../../../core/views/components.js';
import { textIn } from '../network.text.js';
import type { Bilingual, CaseStatus, CaseSummary } from '../network.types.js';
import { caseUrl } from '../network.urls.js';

/** A written text shown as text: paragraphs and line breaks kept, never HTML. */
export function PlainText({ text, lang }: { text: string; lang?: string | undefined }) {
  return (
    <div class="net-text" lang={lang}>
      {text.split(/\n\s*\n/).map((p) => (
        <p>{p}</p>
      ))}
    </div>
  );
}

/** One section of the narrative in the visitor's language, or the other language with a note. */
export function ShownText({ value, i18n }: { value: Bilingual; i18n: I18n }) {
  const s = textIn(value, i18n.lang);
  if (!s.text) return null;
  return (
    <>
      {s.fallback ? (
        <p class="net-other-lang">{i18n.t('network.case.onlyIn', { language: i18n.t(`network.lang.${s.lang}`) })}</p>
      ) : null}
      <PlainText text={s.text} lang={s.fallback ? s.lang : undefined} />
    </>
  );
}

const statusKind: Record<CaseStatus, BadgeKind> = { idea: 'neutral', running: 'info', proven: 'success', paused: 'warning', stopped: 'neutral' };

export function StatusBadge({ status, i18n }: { status: CaseStatus; i18n: I18n }) {
  return <Badge kind={statusKind[status]}>{i18n.t(`network.case.status.${status}`)}</Badge>;
}

export function formatKroner(i18n: I18n, ore: number): string {
  return i18n.formatNumber(Math.round(ore / 100), { style: 'currency', currency: 'DKK', maximumFractionDigits: 0 });
}

export function formatHours(i18n: I18n, hours: number): string {
  return i18n.formatNumber(hours, { maximumFractionDigits: 1 });
}

export function formatDay(i18n: I18n, d: Date): string {
  return i18n.formatDate(d, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Copenhagen' });
}

/** A case in a list: title and summary in the visitor's language where written. */
export function CaseCard({ c, i18n, headingLevel = 3, draft = false }: { c: CaseSummary; i18n: I18n; headingLevel?: 2 | 3 | 4; draft?: boolean }) {
  const { t } = i18n;
  const title = textIn(c.title, i18n.lang);
  const summary = textIn(c.summary, i18n.lang);
  const H = `h${headingLevel}` as 'h3';
  const facts = [
    c.municipalityName,
    c.adoptionCount > 0 ? t('network.card.adoptions', { count: c.adoptionCount }) : null,
    c.evidenceHours !== null && c.evidenceHours > 0 ? t('network.card.hours', { hours: formatHours(i18n, c.evidenceHours) }) : null,
  ].filter(Boolean);
  return (
    <article class="card app-card">
      <div class="card-content">
        <H class="h4 app-card-title" lang={title.fallback ? title.lang : undefined}>
          <a href={caseUrl(c)}>{title.text}</a>
        </H>
        <p class="app-card-meta">{facts.join(' · ')}</p>
        <div class="app-card-labels">
          <StatusBadge status={c.status} i18n={i18n} />
          {draft ? <Badge kind="warning">{t('network.home.draft')}</Badge> : null}
          {c.evidenceSavingsOre !== null && c.evidenceSavingsOre > 0 ? <Badge kind="success">{t('network.card.measuredSavings', { amount: formatKroner(i18n, c.evidenceSavingsOre) })}</Badge> : null}
        </div>
        {summary.text ? (
          <p class="app-card-text" lang={summary.fallback ? summary.lang : undefined}>
            {summary.text.length > 240 ? `${summary.text.slice(0, 239).trimEnd()}…` : summary.text}
          </p>
        ) : null}
      </div>
    </article>
  );
}
