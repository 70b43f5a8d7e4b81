/** The area of need a finding belongs to: the Code of Practice's broad areas for children, occupational performance for adults. */
import { ADULT_AREA_LABELS, ADULT_AREAS, COP_AREA_LABELS, COP_AREAS, NEED_AREA_LABELS, type NeedArea } from '../../../../src/domain/documents/kinds.js';
import { Field } from '../../components/Field.js';
import type { FormState, FormValues } from '../../components/Form.js';

export const areaLabel = (a: string | null) => (a ? (NEED_AREA_LABELS[a as NeedArea] ?? a) : '');

export function AreaField<V extends FormValues>({ form, adultFirst }: { form: FormState<V>; adultFirst: boolean }) {
  const cop = (
    <optgroup key="cop" label="Broad areas of need (SEND Code of Practice)">
      {COP_AREAS.map((a) => (
        <option key={a} value={a}>
          {COP_AREA_LABELS[a]}
        </option>
      ))}
    </optgroup>
  );
  const adult = (
    <optgroup key="adult" label="Occupational performance (adults)">
      {ADULT_AREAS.map((a) => (
        <option key={a} value={a}>
          {ADULT_AREA_LABELS[a]}
        </option>
      ))}
    </optgroup>
  );
  return (
    <Field form={form} name="area" label="Area" type="select">
      <option value="">Not tied to one area</option>
      {adultFirst ? [adult, cop] : [cop, adult]}
    </Field>
  );
}
