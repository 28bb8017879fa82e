// Form fields in DKFDS markup. Every hint and error is tied to its input with aria-describedby,
// an error is announced as "Fejl:"/"Error:" (never colour alone), and a form re-rendered with
// errors lists them at the top with links to the fields.
import { createContext, useContext } from 'hono/jsx';
import type { Child } from 'hono/jsx';
import { PageContextValue, usePage } from './context.js';
import { Icon } from './icons.js';
import type { PageContext } from './page-context.js';

export type FieldErrors = Record<string, string | undefined>;

/** The id of a field's input (for a group: its first option), which error summary links point at. */
export function fieldId(name: string): string {
  return `f-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

interface FormState {
  errors: FieldErrors;
}
const FormStateValue = createContext<FormState>({ errors: {} });

/** Properties every field has. `error` overrides the error the surrounding Form has for `name`. */
interface FieldProps {
  name: string;
  label: string;
  id?: string;
  hint?: string;
  error?: string;
  required?: boolean;
  /** Adds "(valgfrit)" to the label. Most fields are required, so only the exceptions are marked. */
  optional?: boolean;
}

type Value = string | number | null | undefined;

function useField(p: FieldProps) {
  const { t } = usePage().i18n;
  const id = p.id ?? fieldId(p.name);
  const fromForm = useContext(FormStateValue).errors[p.name];
  const error = p.error ?? fromForm;
  const hintId = p.hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  const labelText = p.optional ? `${p.label} ${t('core.optional')}` : p.label;
  const hint = p.hint ? (
    <span class="form-hint" id={hintId}>
      {p.hint}
    </span>
  ) : null;
  const errorMessage = error ? (
    <span class="form-error-message" id={errorId}>
      <span class="sr-only">{t('core.errorPrefix')}</span> {error}
    </span>
  ) : null;
  return {
    id,
    describedBy,
    labelText,
    hint,
    errorMessage,
    groupClass: error ? 'form-group form-error' : 'form-group',
    invalid: error ? ('true' as const) : undefined,
  };
}

export type InputWidth = 'xxs' | 'xs' | 's' | 'm' | 'l' | 'xl';

export function TextField(
  p: FieldProps & {
    value?: Value;
    type?: 'text' | 'email' | 'password' | 'tel' | 'url' | 'number' | 'search' | 'date' | 'time' | 'datetime-local';
    autocomplete?: string;
    inputmode?: 'none' | 'text' | 'tel' | 'url' | 'email' | 'numeric' | 'decimal' | 'search';
    width?: InputWidth;
    maxlength?: number;
    min?: string | number;
    max?: string | number;
    step?: string | number;
    spellcheck?: boolean;
  },
) {
  const f = useField(p);
  // A password is never written back into the page, not even to the person who typed it.
  return (
    <div class={f.groupClass}>
      <label class="form-label" for={f.id}>
        {f.labelText}
      </label>
      {f.hint}
      {f.errorMessage}
      <input
        class={p.width ? `form-input input-width-${p.width}` : 'form-input'}
        type={p.type ?? 'text'}
        id={f.id}
        name={p.name}
        value={p.type === 'password' ? undefined : (p.value ?? undefined)}
        autocomplete={p.autocomplete}
        inputmode={p.inputmode}
        required={p.required}
        maxlength={p.maxlength}
        min={p.min}
        max={p.max}
        step={p.step}
        spellcheck={p.spellcheck}
        aria-describedby={f.describedBy}
        aria-invalid={f.invalid}
      />
    </div>
  );
}

export function TextArea(p: FieldProps & { value?: Value; rows?: number; maxlength?: number; autocomplete?: string }) {
  const f = useField(p);
  return (
    <div class={f.groupClass}>
      <label class="form-label" for={f.id}>
        {f.labelText}
      </label>
      {f.hint}
      {f.errorMessage}
      <textarea
        class="form-input"
        id={f.id}
        name={p.name}
        rows={p.rows ?? 5}
        maxlength={p.maxlength}
        autocomplete={p.autocomplete}
        required={p.required}
        aria-describedby={f.describedBy}
        aria-invalid={f.invalid}
      >
        {p.value ?? ''}
      </textarea>
    </div>
  );
}

export interface Option {
  value: string;
  label: string;
  /** Only for radios and checkboxes: a line of help under the option. */
  hint?: string;
  disabled?: boolean;
}

export function Select(p: FieldProps & { options: Option[]; value?: Value; placeholder?: string | false; autocomplete?: string }) {
  const { t } = usePage().i18n;
  const f = useField(p);
  const current = p.value == null ? '' : String(p.value);
  return (
    <div class={f.groupClass}>
      <label class="form-label" for={f.id}>
        {f.labelText}
      </label>
      {f.hint}
      {f.errorMessage}
      <select
        class="form-select"
        id={f.id}
        name={p.name}
        autocomplete={p.autocomplete}
        required={p.required}
        aria-describedby={f.describedBy}
        aria-invalid={f.invalid}
      >
        {p.placeholder === false ? null : (
          <option value="" selected={current === ''}>
            {p.placeholder ?? t('core.selectPlaceholder')}
          </option>
        )}
        {p.options.map((o) => (
          <option value={o.value} selected={o.value === current} disabled={o.disabled}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Radios and checkboxes share one shape: a fieldset whose legend is the question. */
function ChoiceGroup(
  p: FieldProps & { type: 'radio' | 'checkbox'; options: Option[]; selected: string[]; legendClass?: string },
) {
  const f = useField(p);
  const cls = p.type === 'radio' ? 'radio' : 'checkbox';
  return (
    <div class={f.groupClass}>
      <fieldset aria-describedby={f.describedBy}>
        <legend class={p.legendClass ?? 'form-label'}>{f.labelText}</legend>
        {f.hint}
        {f.errorMessage}
        {p.options.map((o, i) => {
          // The first option carries the field id, so the error summary link lands on it.
          const id = i === 0 ? f.id : `${f.id}-${i + 1}`;
          const hintId = o.hint ? `${id}-hint` : undefined;
          return (
            <div class={`form-group-${cls}`}>
              <input
                class={`form-${cls}`}
                type={p.type}
                id={id}
                name={p.name}
                value={o.value}
                checked={p.selected.includes(o.value)}
                disabled={o.disabled}
                required={p.type === 'radio' ? p.required : undefined}
                aria-describedby={hintId}
              />
              <label for={id}>{o.label}</label>
              {o.hint ? (
                <span class="form-hint" id={hintId}>
                  {o.hint}
                </span>
              ) : null}
            </div>
          );
        })}
      </fieldset>
    </div>
  );
}

type GroupProps = FieldProps & { options: Option[]; legendClass?: string };

export function RadioGroup(p: GroupProps & { value?: Value }) {
  return <ChoiceGroup {...p} type="radio" selected={p.value == null ? [] : [String(p.value)]} />;
}

export function CheckboxGroup(p: GroupProps & { values?: string[] }) {
  return <ChoiceGroup {...p} type="checkbox" selected={p.values ?? []} />;
}

/** A single yes/no checkbox, e.g. accepting terms. */
export function Checkbox(p: FieldProps & { checked?: boolean; value?: string }) {
  const f = useField(p);
  return (
    <div class={f.groupClass}>
      {f.errorMessage}
      <div class="form-group-checkbox">
        <input
          class="form-checkbox"
          type="checkbox"
          id={f.id}
          name={p.name}
          value={p.value ?? 'on'}
          checked={p.checked}
          required={p.required}
          aria-describedby={f.describedBy}
          aria-invalid={f.invalid}
        />
        <label for={f.id}>{f.labelText}</label>
        {f.hint}
      </div>
    </div>
  );
}

export function SubmitButton(p: {
  children: Child;
  variant?: 'primary' | 'secondary' | 'tertiary' | 'warning';
  /** For forms with several buttons: sent as name=value when this one is pressed. */
  name?: string;
  value?: string;
}) {
  return (
    <button type="submit" class={`button button-${p.variant ?? 'primary'}`} name={p.name} value={p.value}>
      {p.children}
    </button>
  );
}

/** The DKFDS error summary. tabindex=-1 lets app.js move focus here when the page loads. */
export function ErrorSummary({ errors, ids }: { errors: FieldErrors; ids?: Record<string, string> }) {
  const { t } = usePage().i18n;
  const entries = Object.entries(errors).filter((e): e is [string, string] => Boolean(e[1]));
  if (entries.length === 0) return null;
  return (
    <div class="alert alert-error app-error-summary" role="alert" tabindex={-1} data-error-summary="">
      <Icon name="error" class="alert-icon" />
      <div class="alert-body">
        <h2 class="alert-heading">{t('core.errorSummaryTitle', { count: entries.length })}</h2>
        <p class="alert-text">{t('core.errorSummaryText', { count: entries.length })}</p>
        <ul class="alert-text nobullet-list">
          {entries.map(([name, message]) => (
            <li>
              <a class="function-link" href={`#${ids?.[name] ?? fieldId(name)}`}>
                {message}
              </a>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

/**
 * A form with the CSRF token (POST only: a token in a GET URL would leak into logs and history).
 * Given `errors`, it shows the error summary first and hands each field its own error.
 * Browser validation is off by default so every message comes from the server, in the page's language.
 */
export function Form(p: {
  page: PageContext;
  action: string;
  method?: 'post' | 'get';
  errors?: FieldErrors;
  /** Field ids that differ from fieldId(name), for the error summary links. */
  errorIds?: Record<string, string>;
  novalidate?: boolean;
  enctype?: 'multipart/form-data';
  id?: string;
  class?: string;
  children?: Child;
}) {
  const method = p.method ?? 'post';
  const errors = p.errors ?? {};
  return (
    <PageContextValue.Provider value={p.page}>
      <FormStateValue.Provider value={{ errors }}>
        <form
          method={method}
          action={p.action}
          novalidate={p.novalidate ?? true}
          enctype={p.enctype}
          id={p.id}
          class={p.class}
        >
          {method === 'post' ? <input type="hidden" name="_csrf" value={p.page.csrfToken} /> : null}
          <ErrorSummary errors={errors} ids={p.errorIds} />
          {p.children}
        </form>
      </FormStateValue.Provider>
    </PageContextValue.Provider>
  );
}

/**
 * An optional PNG/JPEG upload in the same markup as the other fields. Browsers never send a file
 * back, so it has no value; the form needs enctype="multipart/form-data".
 */
export function ImageFileField(p: { page: PageContext; name: string; label: string; hint: string; error?: string | undefined }) {
  const { t } = p.page.i18n;
  const id = fieldId(p.name);
  const describedBy = [`${id}-hint`, p.error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div class={p.error ? 'form-group form-error' : 'form-group'}>
      <label class="form-label" for={id}>
        {p.label} {t('core.optional')}
      </label>
      <span class="form-hint" id={`${id}-hint`}>
        {p.hint}
      </span>
      {p.error ? (
        <span class="form-error-message" id={`${id}-error`}>
          <span class="sr-only">{t('core.errorPrefix')}</span> {p.error}
        </span>
      ) : null}
      <input class="form-file-input" type="file" id={id} name={p.name} accept="image/png,image/jpeg" aria-describedby={describedBy} aria-invalid={p.error ? 'true' : undefined} />
    </div>
  );
}
