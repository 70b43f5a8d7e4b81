/**
 * CPR Part 35 wording, copied character for character from PD35 3.3 and 3.2(9) (docs/RULES.md, ML-PD-04 and ML-PD-05). A changed
 * comma matters to a court, so these are constants and the PD35 check compares them exactly.
 */

/** ML-PD-04: the expert's statement of truth (PD35 3.3, since 1 October 2020). */
export const STATEMENT_OF_TRUTH =
  'I confirm that I have made clear which facts and matters referred to in this report are within my own knowledge and which are not. Those that are within my own knowledge I confirm to be true. The opinions I have expressed represent my true and complete professional opinions on the matters to which they refer. I understand that proceedings for contempt of court may be brought against anyone who makes, or causes to be made, a false statement in a document verified by a statement of truth without an honest belief in its truth.';

/** ML-PD-05: the declaration that meets PD35 3.2(9). */
export const DUTY_DECLARATION =
  'I understand that my overriding duty is to the court and I have complied with that duty. I am aware of the requirements of CPR Part 35, its practice direction and the CJC Guidance for the instruction of experts in civil claims.';

/** ML-PD-02: the nine things PD35 3.2 says an expert's report must contain. */
export const PD35_ITEMS = [
  { item: '3.2(1)', label: "details of the expert's qualifications" },
  { item: '3.2(2)', label: 'literature or other material relied on' },
  { item: '3.2(3)', label: 'the substance of all material facts and instructions' },
  { item: '3.2(4)', label: 'which facts are within the expert’s own knowledge' },
  { item: '3.2(5)', label: 'who carried out any examination, measurement, test or experiment, their qualifications and whether under supervision' },
  { item: '3.2(6)', label: 'the range of opinion, with reasons for the expert’s own view' },
  { item: '3.2(7)', label: 'a summary of the conclusions' },
  { item: '3.2(8)', label: 'any qualification to an opinion' },
  { item: '3.2(9)', label: 'the statement that the expert understands and has complied with their duty to the court' },
] as const;
export const pd35Tag = (item: string): string => `pd35-${item}`;
