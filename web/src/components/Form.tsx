/**
 * Every form in the app: the values as typed, checked before sending with the same Zod input
 * schema the server parses (from src/contract), so a field shows the same message either side.
 * A form keeps what the user typed when anything goes wrong, shows one summary of the problems
 * above its buttons and each problem under its field, and cannot be sent twice while saving.
 */
import { useCallback, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { z } from 'zod';
import { ApiError, messageOf } from '../api/client.js';
import { parseUkDate } from '../format.js';

export type FormValues = Record<string, string | boolean>;

/** How a field's text is read: dates typed dd/mm/yyyy become ISO, numbers become numbers, text is trimmed (a password is taken exactly). */
export type FieldKind = 'text' | 'date' | 'number' | 'exact';

/** Thrown by `toInput` for a check the schema cannot make on typed text (an amount in pounds, say). */
export class FieldProblem extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

export interface FormOptions<V extends FormValues, S extends z.ZodType> {
  initial: V | (() => V);
  schema: S;
  /**
   * The schema's input from what was typed. `read` is the default reading: strings trimmed,
   * blank fields as `blanks` says, dates as ISO and numbers as numbers.
   */
  toInput?: (read: Record<string, unknown>, values: V) => unknown;
  /**
   * What a blank field sends: nothing (`omit`, for a new record), '' for text (`empty`, for an
   * edit that may clear a text field), or null for any field (`null`, where the schema clears with null).
   */
  blanks?: 'omit' | 'empty' | 'null';
  /** A schema path shown on a field of another name, such as `{ amount_pence: 'amount' }`. */
  fieldFor?: Record<string, string>;
  onSubmit: (input: z.output<S>, values: V) => unknown;
  /** Back to the initial values after a successful submit, for forms that add one thing after another. */
  resetOnSuccess?: boolean;
}

export interface FormState<V extends FormValues> {
  values: V;
  set: <K extends keyof V>(name: K, value: V[K]) => void;
  setValues: (update: (v: V) => V) => void;
  /** One sentence per field with a problem, keyed by field name. */
  errors: Record<string, string>;
  summary: string[];
  busy: boolean;
  submit: (e?: FormEvent) => Promise<void>;
  /** Fields say what they are called and how they read, so messages can name them. */
  register: (name: string, label: string, kind: FieldKind) => void;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const humanise = (field: string) => field.replace(/_/g, ' ');

export function useForm<V extends FormValues, S extends z.ZodType>(options: FormOptions<V, S>): FormState<V> {
  const [initial] = useState(options.initial);
  const [values, setValuesState] = useState<V>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const busyRef = useRef(false);
  const labels = useRef(new Map<string, string>());
  const kinds = useRef(new Map<string, FieldKind>());

  const register = useCallback((name: string, label: string, kind: FieldKind) => {
    labels.current.set(name, label.replace(/\s*\(.*\)\s*$/, ''));
    kinds.current.set(name, kind);
  }, []);

  const set = useCallback(<K extends keyof V>(name: K, value: V[K]) => setValuesState((v) => ({ ...v, [name]: value })), []);
  const setValues = useCallback((update: (v: V) => V) => setValuesState(update), []);

  const show = (problems: Record<string, string>, messages: string[]) => {
    setErrors(problems);
    setSummary(messages);
  };

  const sentence = (field: string, message: string) => {
    const text = message.replace(/^Invalid input: /, '');
    if (/^[A-Z]/.test(text) || !field) return capitalise(text).replace(/([^.!?])$/, '$1.');
    return `${capitalise(labels.current.get(field) ?? humanise(field))} ${text}`.replace(/([^.!?])$/, '$1.');
  };

  async function submit(e?: FormEvent) {
    e?.preventDefault();
    if (busyRef.current) return;
    const { schema, toInput, blanks = 'omit', fieldFor, onSubmit, resetOnSuccess } = options;
    const read = readValues(values, kinds.current, blanks);
    let input: unknown;
    try {
      input = toInput ? toInput(read, values) : read;
    } catch (err) {
      if (!(err instanceof FieldProblem)) throw err;
      const s = sentence(err.field, err.message);
      return show({ [err.field]: s }, [s]);
    }
    const parsed = schema.safeParse(input);
    if (!parsed.success) {
      const problems: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        const path = issue.path.map(String).join('.');
        const field = fieldFor?.[path] ?? String(issue.path[0] ?? '');
        if (problems[field]) continue;
        problems[field] = sentence(field, messageFor(issue, kinds.current.get(field), values[field]));
      }
      return show(problems, Object.values(problems));
    }
    busyRef.current = true;
    setBusy(true);
    show({}, []);
    try {
      await onSubmit(parsed.data, values);
      if (resetOnSuccess) setValuesState(initial);
    } catch (err) {
      const message = messageOf(err);
      const field = err instanceof ApiError && err.field ? (fieldFor?.[err.field] ?? err.field) : null;
      show(field ? { [field]: message } : {}, [message]);
    } finally {
      busyRef.current = false;
      setBusy(false);
    }
  }

  return { values, set, setValues, errors, summary, busy, submit, register };
}

function readValues(values: FormValues, kinds: Map<string, FieldKind>, blanks: 'omit' | 'empty' | 'null'): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(values)) {
    if (typeof value === 'boolean') {
      out[name] = value;
      continue;
    }
    const text = value.trim();
    if (text === '') {
      if (blanks === 'null') out[name] = null;
      else if (blanks === 'empty' && (kinds.get(name) ?? 'text') === 'text') out[name] = '';
      continue;
    }
    const kind = kinds.get(name) ?? 'text';
    if (kind === 'exact') out[name] = value;
    else if (kind === 'date') out[name] = parseUkDate(text) ?? text;
    else if (kind === 'number') out[name] = Number.isFinite(Number(text)) ? Number(text) : text;
    else out[name] = text;
  }
  return out;
}

/** The schema's own message, except where the web reads the text differently from the API (dates typed dd/mm/yyyy). */
function messageFor(issue: z.core.$ZodIssue, kind: FieldKind | undefined, typed: string | boolean | undefined): string {
  const blank = typeof typed !== 'string' || typed.trim() === '';
  if (issue.code === 'invalid_type' && blank) return 'is required';
  if (kind === 'date' && !blank && issue.code !== 'custom') return 'must be a date written dd/mm/yyyy, such as 04/07/2015';
  if (kind === 'number' && issue.code === 'invalid_type') return 'must be a number';
  if (issue.code === 'unrecognized_keys') return `has a field the server does not know (${issue.keys.join(', ')})`;
  return issue.message;
}

/** One summary of what stops a form being sent, or of why the server refused it. */
export function FormError({ message }: { message: string[] | string | null }) {
  const list = message === null ? [] : typeof message === 'string' ? [message] : message;
  if (list.length === 0) return null;
  if (list.length === 1) {
    return (
      <p role="alert" className="alert error">
        {list[0]}
      </p>
    );
  }
  return (
    <div role="alert" className="alert error">
      <p>Please check these details:</p>
      <ul>
        {list.map((m) => (
          <li key={m}>{m}</li>
        ))}
      </ul>
    </div>
  );
}

export function Form<V extends FormValues>({
  form,
  label,
  title,
  titleLevel = 2,
  className = 'panel form-grid',
  submitLabel,
  busyLabel,
  submitClassName = 'primary',
  onCancel,
  actions,
  disabled = false,
  children,
}: {
  form: FormState<V>;
  /** The form's accessible name. */
  label: string;
  /** A heading across the top of the form. */
  title?: string;
  titleLevel?: 2 | 3;
  className?: string;
  submitLabel: string;
  busyLabel?: string;
  submitClassName?: string;
  onCancel?: () => void;
  /** More buttons beside the submit button. */
  actions?: ReactNode;
  /** The submit button is off, as when nothing has changed yet. */
  disabled?: boolean;
  children: ReactNode;
}) {
  const Heading = titleLevel === 2 ? 'h2' : 'h3';
  return (
    <form onSubmit={(e) => void form.submit(e)} className={className} aria-label={label} aria-busy={form.busy || undefined} noValidate>
      {title && <Heading className="span-all">{title}</Heading>}
      {children}
      <div className="span-all">
        <FormError message={form.summary} />
        <div className="buttons">
          <button type="submit" className={submitClassName} disabled={form.busy || disabled}>
            {form.busy && busyLabel ? busyLabel : submitLabel}
          </button>
          {actions}
          {onCancel && (
            <button type="button" className="secondary" onClick={onCancel}>
              Cancel
            </button>
          )}
        </div>
      </div>
    </form>
  );
}

/** For an edit, only what differs from the record as loaded; for a new record (no `before`), everything. */
export function changedFields(before: object | undefined, after: Record<string, unknown>): Record<string, unknown> {
  if (!before) return after;
  return Object.fromEntries(Object.entries(after).filter(([k, v]) => Reflect.get(before, k) !== v));
}
