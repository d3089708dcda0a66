// Small building blocks of the office app's pages: labelled fields with hints and errors, tables, dates.
import type { ComponentChildren } from 'preact';
import { formatDateTime } from '../core/time.ts';
import { usePage } from './page-context.ts';

export function CsrfField() {
  return <input type="hidden" name="_csrf" value={usePage().csrfToken} />;
}

interface FieldProps {
  name: string;
  label: string;
  value?: string | number | null;
  error?: string;
  hint?: string;
  type?: string;
  required?: boolean;
  autocomplete?: string;
  maxLength?: number;
  inputMode?: 'text' | 'email' | 'numeric' | 'tel';
  readOnly?: boolean;
  pattern?: string;
  /** The id of a <datalist> of suggestions. */
  list?: string;
}

export function Field({ name, label, value, error, hint, type = 'text', required, autocomplete, maxLength, inputMode, readOnly, pattern, list }: FieldProps) {
  const id = `f-${name}`;
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={`field${error ? ' has-error' : ''}`}>
      <label for={id}>
        {label}
        {required && <span class="req" aria-hidden="true"> *</span>}
      </label>
      {type === 'textarea' ? (
        <textarea id={id} name={name} required={required} maxLength={maxLength} aria-invalid={error ? 'true' : undefined} aria-describedby={describedBy} readOnly={readOnly} rows={4}>
          {value ?? ''}
        </textarea>
      ) : (
        <input
          id={id}
          name={name}
          type={type as "text"}
          value={value ?? ''}
          required={required}
          autoComplete={autocomplete}
          maxLength={maxLength}
          inputMode={inputMode}
          pattern={pattern}
          list={list}
          readOnly={readOnly}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={describedBy}
        />
      )}
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p class="error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

export function SelectField({ name, label, value, options, error, required, disabled }: { name: string; label: string; value?: string | number | null; options: Array<{ value: string; label: string; depth?: number }>; error?: string; required?: boolean; disabled?: boolean }) {
  const id = `f-${name}`;
  return (
    <div class={`field${error ? ' has-error' : ''}`}>
      <label for={id}>
        {label}
        {required && <span class="req" aria-hidden="true"> *</span>}
      </label>
      <select id={id} name={name} required={required} disabled={disabled} aria-invalid={error ? 'true' : undefined}>
        {options.map((o) => (
          <option value={o.value} selected={String(value ?? '') === o.value}>
            {`${'\u00a0\u00a0'.repeat(o.depth ?? 0)}${o.label}`}
          </option>
        ))}
      </select>
      {error && <p class="error">{error}</p>}
    </div>
  );
}

export function CheckboxField({ name, label, checked }: { name: string; label: string; checked: boolean }) {
  return (
    <div class="field checkbox">
      <label>
        <input type="checkbox" name={name} checked={checked} /> {label}
      </label>
    </div>
  );
}

export function FormErrorSummary({ errors }: { errors: Record<string, string> }) {
  const entries = Object.entries(errors);
  if (!entries.length) return null;
  return (
    <div class="flash error" role="alert">
      <ul>
        {entries.map(([key, message]) => (
          <li key={key}>{message}</li>
        ))}
      </ul>
    </div>
  );
}

export function TableWrap({ children, label }: { children: ComponentChildren; label: string }) {
  return (
    <section class="table-wrap" aria-label={label} tabIndex={0}>
      <table>{children}</table>
    </section>
  );
}

export function DateTime({ value, withTime = true }: { value: Date | string | null | undefined; withTime?: boolean }) {
  const { locale } = usePage();
  if (!value) return null;
  const d = typeof value === 'string' ? new Date(value) : value;
  return <time dateTime={d.toISOString()}>{formatDateTime(d, locale, withTime)}</time>;
}
