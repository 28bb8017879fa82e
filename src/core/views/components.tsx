// Shared page components in DKFDS markup. Texts passed in are already translated; the few
// texts of their own (labels for screen readers) come from the PageContext.
import type { Child } from 'hono/jsx';
import { usePage } from './context.js';
import { Icon } from './icons.js';

export type AlertKind = 'success' | 'info' | 'warning' | 'error';

/**
 * The kind is also said in words (a visually hidden prefix), so it never rests on colour or icon.
 * role="status" for messages that appear after an action; role="alert" only for urgent errors.
 */
export function Alert(props: { kind: AlertKind; heading?: string; role?: 'status' | 'alert'; children?: Child }) {
  const { t } = usePage().i18n;
  const prefix = <span class="sr-only">{t(`core.alert.${props.kind}`)} </span>;
  return (
    <div class={`alert alert-${props.kind}`} role={props.role}>
      <Icon name={props.kind} class="alert-icon" />
      <div class="alert-body">
        {props.heading ? (
          <p class="alert-heading">
            {prefix}
            {props.heading}
          </p>
        ) : null}
        <div class="alert-text">
          {props.heading ? null : prefix}
          {props.children}
        </div>
      </div>
    </div>
  );
}

export interface Crumb {
  label: string;
  /** Omit for the current page, which is always last. */
  href?: string;
}

export function Breadcrumbs({ items }: { items: Crumb[] }) {
  const { t } = usePage().i18n;
  return (
    <nav class="breadcrumbs" aria-label={t('core.breadcrumbs')}>
      <ol class="breadcrumbs__list">
        {items.map((item, i) => {
          const current = i === items.length - 1;
          return (
            <li class="breadcrumbs__list-item" aria-current={current ? 'page' : undefined}>
              {i > 0 ? <Icon name="chevron-right" /> : null}
              {item.href && !current ? (
                <a class="breadcrumbs__link" href={item.href}>
                  {item.label}
                </a>
              ) : (
                item.label
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

/** `baseUrl` with `param` set to `page`; page 1 drops the parameter so each page has one URL. */
export function pageHref(baseUrl: string, page: number, param = 'page'): string {
  const url = new URL(baseUrl, 'http://x');
  if (page <= 1) url.searchParams.delete(param);
  else url.searchParams.set(param, String(page));
  return url.pathname + url.search + url.hash;
}

/** Page numbers to show: first, last and the neighbours of the current page; null marks a gap. */
export function pageWindow(current: number, total: number): (number | null)[] {
  const wanted = new Set([1, total, current - 1, current, current + 1].filter((n) => n >= 1 && n <= total));
  const sorted = [...wanted].sort((a, b) => a - b);
  const out: (number | null)[] = [];
  for (const n of sorted) {
    const prev = out[out.length - 1];
    if (typeof prev === 'number' && n - prev === 2) out.push(n - 1);
    else if (typeof prev === 'number' && n - prev > 2) out.push(null);
    out.push(n);
  }
  return out;
}

export function Pagination(props: { page: number; totalPages: number; baseUrl: string; param?: string }) {
  const { t } = usePage().i18n;
  const { totalPages: total, baseUrl, param } = props;
  if (total <= 1) return null;
  const page = Math.min(Math.max(1, props.page), total);
  const href = (n: number) => pageHref(baseUrl, n, param);
  return (
    <nav class="pagination" aria-label={t('core.pagination')}>
      {page > 1 ? (
        <a href={href(page - 1)} class="button button-arrow button-previous" aria-label={t('core.pagination.previousPage')}>
          <Icon name="chevron-left" />
          <span class="pagination-nav-link">{t('core.pagination.previous')}</span>
        </a>
      ) : (
        <span class="button button-arrow button-previous hidden" aria-hidden="true" />
      )}
      <span class="pagination-mobile">{t('core.pagination.status', { page, total })}</span>
      <ul class="pagination__items">
        {pageWindow(page, total).map((n) =>
          n === null ? (
            <li class="pagination-item pagination-overflow" aria-hidden="true">
              <span>…</span>
            </li>
          ) : (
            <li class="pagination-item pagination-number">
              <a
                href={href(n)}
                class={n === page ? 'button current-page' : 'button button-secondary'}
                aria-label={t('core.pagination.page', { page: n })}
                aria-current={n === page ? 'page' : undefined}
              >
                {n}
              </a>
            </li>
          ),
        )}
      </ul>
      {page < total ? (
        <a href={href(page + 1)} class="button button-arrow button-next" aria-label={t('core.pagination.nextPage')}>
          <span class="pagination-nav-link">{t('core.pagination.next')}</span>
          <Icon name="chevron-right" />
        </a>
      ) : (
        <span class="button button-arrow button-next hidden" aria-hidden="true" />
      )}
    </nav>
  );
}

export interface Column<T> {
  header: string;
  cell: (row: T) => Child;
  /** Right-aligned with tabular figures, for amounts and counts. */
  numeric?: boolean;
}

/** A captioned table that scrolls sideways on narrow screens, reachable by keyboard when it does. */
export function DataTable<T>(props: { caption: string; columns: Column<T>[]; rows: T[]; captionHidden?: boolean }) {
  const cls = (c: Column<T>) => (c.numeric ? 'app-num' : undefined);
  return (
    <div class="table--responsive-scroll" role="region" aria-label={props.caption} tabindex={0}>
      <table class="table table--zebra">
        <caption class={props.captionHidden ? 'sr-only' : undefined}>{props.caption}</caption>
        <thead>
          <tr>
            {props.columns.map((c) => (
              <th scope="col" class={cls(c)}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr>
              {props.columns.map((c) => (
                <td class={cls(c)}>{c.cell(row)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A list of Cards; each child becomes one list item, so screen readers announce the count. */
export function CardList({ children }: { children?: Child }) {
  const items: Child[] = [];
  const collect = (c: Child): void => {
    if (Array.isArray(c)) c.forEach(collect);
    else if (c != null && c !== false && c !== true) items.push(c);
  };
  collect(children);
  return (
    <ul class="app-card-list no-max-width">
      {items.map((c) => (
        <li>{c}</li>
      ))}
    </ul>
  );
}

export function Card(props: {
  title: string;
  href: string;
  /** One short line under the title, e.g. place · date · number of supporters. */
  meta?: string;
  text?: string;
  headingLevel?: 2 | 3 | 4;
  /** Badges or tags shown under the meta line. */
  labels?: Child;
  children?: Child;
}) {
  const H = `h${props.headingLevel ?? 2}` as 'h2';
  return (
    <article class="card collapsed-height app-card">
      <div class="card-content">
        <H class="h3 app-card-title">
          <a href={props.href}>{props.title}</a>
        </H>
        {props.meta ? <p class="app-card-meta">{props.meta}</p> : null}
        {props.labels ? <div class="app-card-labels">{props.labels}</div> : null}
        {props.text ? <p class="app-card-text">{props.text}</p> : null}
        {props.children}
      </div>
    </article>
  );
}

export function EmptyState(props: { title: string; headingLevel?: 2 | 3; children?: Child }) {
  const H = `h${props.headingLevel ?? 2}` as 'h2';
  return (
    <div class="app-empty-state">
      <H class="h4">{props.title}</H>
      {props.children}
    </div>
  );
}

export type BadgeKind = 'neutral' | 'info' | 'success' | 'warning' | 'error';

/** A status label. The text carries the meaning; the colour only repeats it. */
export function Badge({ kind = 'neutral', children }: { kind?: BadgeKind; children: Child }) {
  return <span class={kind === 'neutral' ? 'badge' : `badge badge-${kind}`}>{children}</span>;
}

/** A topic label, e.g. a theme; with href it links to the list filtered by it. */
export function Tag({ href, children }: { href?: string; children: Child }) {
  return href ? (
    <a class="tag" href={href}>
      {children}
    </a>
  ) : (
    <span class="tag app-tag-static">{children}</span>
  );
}

/** A link that looks like a button, for navigation such as "Cancel" or "Create new". */
export function ButtonLink(props: { href: string; variant?: 'primary' | 'secondary' | 'tertiary'; children: Child }) {
  return (
    <a class={`button button-${props.variant ?? 'secondary'}`} href={props.href}>
      {props.children}
    </a>
  );
}
