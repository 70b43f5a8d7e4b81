/**
 * A labelled form control with its hint and its error: every input in the app goes through one
 * of these, so none lacks a label. `Field` is bound to a `useForm` form by name; the others are
 * for controls outside a form's values, such as filters.
 */
import { useEffect, useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';
import type { FieldKind, FormState, FormValues } from './Form.js';

export { FormError } from './Form.js';

interface Common {
  label: string;
  hint?: ReactNode;
  /** Takes two columns of a form grid. */
  wide?: boolean;
}

/** The label, hint and error around one control; `control` gets the id and the description to wire up. */
function FieldFrame({
  label,
  hint,
  wide,
  error,
  control,
}: Common & { error?: string; control: (a: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: true }) => ReactNode }) {
  const id = useId();
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className={['field', wide ? 'wide' : '', error ? 'has-error' : ''].filter(Boolean).join(' ')}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <span className="hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {error && (
        <span className="field-error" id={`${id}-error`}>
          {error}
        </span>
      )}
      {control({ id, 'aria-describedby': described || undefined, 'aria-invalid': error ? true : undefined })}
    </div>
  );
}

export function TextField({ label, hint, wide, ...input }: Common & InputHTMLAttributes<HTMLInputElement>) {
  return <FieldFrame label={label} hint={hint} wide={wide} control={(a) => <input {...a} {...input} />} />;
}

export function TextArea({ label, hint, wide, ...input }: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return <FieldFrame label={label} hint={hint} wide={wide} control={(a) => <textarea {...a} {...input} />} />;
}

export function SelectField({ label, hint, wide, children, ...select }: Common & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <FieldFrame
      label={label}
      hint={hint}
      wide={wide}
      control={(a) => (
        <select {...a} {...select}>
          {children}
        </select>
      )}
    />
  );
}

export function CheckField({ label, ...input }: { label: string } & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  return (
    <div className="check">
      <input id={id} type="checkbox" {...input} />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}

type Passed = Pick<
  InputHTMLAttributes<HTMLInputElement>,
  'autoFocus' | 'required' | 'inputMode' | 'autoComplete' | 'placeholder' | 'maxLength' | 'disabled' | 'min' | 'max' | 'step'
>;

/**
 * A control bound to a form's value by name. `type` picks the variant: text (and email, tel,
 * password), date (typed dd/mm/yyyy, sent as ISO), number, select (options as children),
 * textarea, or check (a boolean).
 */
export function Field<V extends FormValues>({
  form,
  name,
  label,
  hint,
  wide,
  type = 'text',
  rows,
  numeric = false,
  onValueChange,
  children,
  ...rest
}: Common &
  Passed & {
    form: FormState<V>;
    name: keyof V & string;
    type?: 'text' | 'email' | 'tel' | 'password' | 'date' | 'number' | 'select' | 'textarea' | 'check';
    rows?: number;
    /** A select whose option values are numbers. */
    numeric?: boolean;
    /** Told of each new value, after the form has it (to fill in another field from it, say). */
    onValueChange?: (value: string | boolean) => void;
    children?: ReactNode;
  }) {
  const kind: FieldKind = type === 'date' ? 'date' : type === 'number' || numeric ? 'number' : type === 'password' ? 'exact' : 'text';
  const { register } = form;
  useEffect(() => register(name, label, kind), [register, name, label, kind]);
  const value = form.values[name];
  const error = form.errors[name];
  const set = (v: string | boolean) => {
    form.setValues((x) => ({ ...x, [name]: v }));
    onValueChange?.(v);
  };

  if (type === 'check') {
    return <CheckField label={label} name={name} checked={value === true} onChange={(e) => set(e.target.checked)} disabled={rest.disabled} />;
  }
  const text = typeof value === 'string' ? value : '';
  return (
    <FieldFrame
      label={label}
      hint={hint ?? (type === 'date' ? 'dd/mm/yyyy' : undefined)}
      wide={wide}
      error={error}
      control={(a) => {
        if (type === 'select') {
          return (
            <select {...a} name={name} value={text} onChange={(e) => set(e.target.value)} disabled={rest.disabled} required={rest.required}>
              {children}
            </select>
          );
        }
        if (type === 'textarea') {
          return <textarea {...a} name={name} rows={rows ?? 3} value={text} onChange={(e) => set(e.target.value)} {...pick(rest)} />;
        }
        const inputType = type === 'date' || type === 'number' ? 'text' : type;
        const inputMode = type === 'date' || type === 'number' ? (rest.inputMode ?? (type === 'number' ? 'decimal' : 'numeric')) : rest.inputMode;
        return <input {...a} {...rest} name={name} type={inputType} inputMode={inputMode} value={text} onChange={(e) => set(e.target.value)} />;
      }}
    />
  );
}

function pick(p: Passed): TextareaHTMLAttributes<HTMLTextAreaElement> {
  return { autoFocus: p.autoFocus, required: p.required, placeholder: p.placeholder, maxLength: p.maxLength, disabled: p.disabled };
}
