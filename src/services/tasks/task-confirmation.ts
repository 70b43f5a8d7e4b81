/** The one line a statutory or court deadline asks for before it leaves the list. */
import { invalid } from '../../domain/errors.js';

export type LeavingBy = 'done' | 'waived' | 'snoozed';

const ASKS: Record<LeavingBy, string> = {
  done: 'This is a statutory or court deadline: confirm in one line how it was met (for example, "Advice sent to the LA by email").',
  waived: 'This is a statutory or court deadline: confirm in one line why it no longer applies.',
  snoozed: 'This is a statutory or court deadline: confirm in one line why it can wait (for example, "Extension agreed in writing").',
};

/** A hard task needs the confirmation; a soft one takes it if given. Returns the line to keep. */
export function requireConfirmation(task: { hardness: string }, by: LeavingBy, confirmation: string | undefined): string {
  const line = (confirmation ?? '').trim();
  if (task.hardness === 'hard' && !line) throw invalid(ASKS[by], 'confirmation');
  return line;
}
