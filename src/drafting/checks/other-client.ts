/**
 * The copy-and-paste error: another client's name, or a date of birth that is not this
 * client's, left in a document built from an earlier one. Names are matched as whole words
 * (two words or more, so a shared first name is not a finding); dates of birth only where the
 * text says it is a date of birth, because with a big practice almost every date is somebody's birthday.
 */
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

export interface PersonRef {
  name: string;
  dob: string | null;
}

export interface OtherClientFinding {
  line: number;
  problem: string;
}

function tokens(s: string): string[] {
  return s.toLowerCase().match(/[\p{L}][\p{L}'’-]*/gu) ?? [];
}

/** Index other people's names by first word, built once and reused across documents. */
export function nameIndex(people: readonly PersonRef[], exclude: readonly string[]): Map<string, { words: string[]; name: string }[]> {
  const skip = new Set(exclude.map((n) => tokens(n).join(' ')));
  const index = new Map<string, { words: string[]; name: string }[]>();
  for (const p of people) {
    const words = tokens(p.name);
    if (words.length < 2 || skip.has(words.join(' '))) continue;
    const list = index.get(words[0]!) ?? [];
    list.push({ words, name: p.name });
    index.set(words[0]!, list);
  }
  return index;
}

const DOB_CONTEXT = /\b(?:date of birth|d\.?o\.?b\.?|born(?: on)?)\b[\s:,-]*(\d{1,2}\/\d{1,2}\/\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}\s+[A-Za-z]+\s+\d{4})/gi;

export function parseTextDate(s: string): string | null {
  let m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
  if (m) return `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (m) return s;
  m = /^(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})$/.exec(s);
  if (m) {
    const month = MONTHS.indexOf(m[2]!.toLowerCase());
    if (month < 0) return null;
    return `${m[3]}-${String(month + 1).padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  }
  return null;
}

export function checkOtherClients(
  text: string,
  self: PersonRef,
  index: Map<string, { words: string[]; name: string }[]>,
  otherDobs: ReadonlySet<string> = new Set(),
): OtherClientFinding[] {
  const out: OtherClientFinding[] = [];
  const seen = new Set<string>();
  text.split('\n').forEach((line, i) => {
    const words = tokens(line);
    for (let w = 0; w < words.length; w++) {
      const candidates = index.get(words[w]!);
      if (!candidates) continue;
      for (const c of candidates) {
        if (c.words.every((cw, k) => words[w + k] === cw) && !seen.has(`${i}:${c.name}`)) {
          seen.add(`${i}:${c.name}`);
          out.push({ line: i + 1, problem: `Names another client, ${c.name}: is this text copied from their document?` });
        }
      }
    }
    for (const m of line.matchAll(DOB_CONTEXT)) {
      const iso = parseTextDate(m[1]!);
      if (!iso || iso === self.dob) continue;
      out.push({
        line: i + 1,
        problem: `Gives a date of birth (${m[1]}) that is not this client's${otherDobs.has(iso) ? "; it is another client's date of birth" : ''}.`,
      });
    }
  });
  return out;
}
