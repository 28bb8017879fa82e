// Small pieces the group pages share: labels, one-button forms, dates in the municipality's time zone.
import type { Child } from 'hono/jsx';
import { Badge } from '../../../core/views/components.js';
import type { PageContext } from '../../../core/views/page-context.js';
import type { I18n } from '../../../core/i18n/i18n.js';
import type { GroupKind, MembershipPolicy } from '../groups.types.js';

export function KindBadge({ kind, t }: { kind: GroupKind; t: I18n['t'] }) {
  return <Badge kind={kind === 'local_council' ? 'success' : kind === 'association' ? 'info' : 'neutral'}>{t(`groups.kind.${kind}`)}</Badge>;
}

export function PolicyBadge({ policy, t }: { policy: MembershipPolicy; t: I18n['t'] }) {
  return <Badge>{t(`groups.policy.short.${policy}`)}</Badge>;
}

/**
 * A form with one button, for actions such as join or approve. `label` is the visible text; `context`
 * (e.g. the member's name) is added for screen readers when many such buttons share one label.
 */
export function ActionButton(props: {
  page: PageContext;
  action: string;
  label: string;
  context?: string;
  variant?: 'primary' | 'secondary' | 'tertiary' | 'warning';
  fields?: Record<string, string>;
  children?: Child;
}) {
  return (
    <form method="post" action={props.action} class="d-inline-block m-0">
      <input type="hidden" name="_csrf" value={props.page.csrfToken} />
      {Object.entries(props.fields ?? {}).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
      {props.children}
      <button type="submit" class={`button button-${props.variant ?? 'secondary'}`}>
        {props.label}
        {props.context ? <span class="sr-only"> – {props.context}</span> : null}
      </button>
    </form>
  );
}

export function formatDateTime(i18n: I18n, d: Date, timeZone: string): string {
  return i18n.formatDate(d, { dateStyle: 'full', timeStyle: 'short', timeZone });
}

export function formatDay(i18n: I18n, day: string): string {
  // A calendar day has no time zone; read it at noon UTC so no zone can move it to another day.
  return i18n.formatDate(new Date(`${day}T12:00:00Z`), { dateStyle: 'long', timeZone: 'UTC' });
}

/** Today's date (YYYY-MM-DD) in a time zone. */
export function todayIn(timeZone: string, now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
