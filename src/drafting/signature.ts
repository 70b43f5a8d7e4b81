/**
 * What a signed version shows: the sign-off block rewritten from the signer as recorded at the
 * moment of signing. The reviewed model (and its content hash) stays exactly as reviewed; the
 * signature is a snapshot kept beside it and laid over the sign-off block whenever the signed
 * version is shown or rendered, so the DOCX, HTML and Markdown all carry the same signature.
 */
import { signatureLine, type Signature } from '../domain/documents/signature.js';
import type { Block, DocumentModel } from './model.js';

export { signatureLine, signedAtText, type Signature } from '../domain/documents/signature.js';

/** Blocks carrying this tag are the sign-off a signature fills. */
export const SIGN_OFF_TAG = 'sign-off';

/** The draft's wording where the signature will go: it never survives into a signed version. */
export const UNSIGNED_TEXT = 'Not yet signed. The signed version shows who signed it and when.';

export function registrationText(s: Pick<Signature, 'hcpc_number'>): string {
  return `HCPC registered occupational therapist, registration number ${s.hcpc_number}`;
}

function signedFields(b: Block, s: Signature): Block {
  const values: Record<string, string> = {
    Name: s.name,
    Qualifications: s.qualifications,
    Role: s.role,
    'HCPC number': s.hcpc_number,
    Registration: registrationText(s),
    Signature: signatureLine(s),
  };
  const rows = (b.rows ?? []).map(([label, value]) => [label ?? '', label !== undefined && label in values ? values[label]! : (value ?? '')]);
  const has = (label: string) => rows.some((r) => r[0] === label);
  const at = rows.findIndex((r) => r[0] === 'Qualifications');
  if (s.professional_bodies && !has('Professional bodies')) rows.splice(at >= 0 ? at + 1 : rows.length, 0, ['Professional bodies', s.professional_bodies]);
  else if (s.professional_bodies) for (const r of rows) if (r[0] === 'Professional bodies') r[1] = s.professional_bodies;
  if (!has('Signature')) rows.push(['Signature', signatureLine(s)]);
  return { ...b, rows };
}

function signedLetterClose(b: Block, s: Signature): Block {
  const practice = (b.text ?? '').split('\n').at(-1) ?? '';
  const lines = [
    s.name,
    s.qualifications,
    ...(s.professional_bodies ? [s.professional_bodies] : []),
    `${s.role}, HCPC registration number ${s.hcpc_number}`,
    practice,
    signatureLine(s),
  ];
  return { ...b, text: lines.filter((l) => l.trim() !== '').join('\n') };
}

/** The model as its signed version reads: every sign-off block filled from the signature. */
export function applySignature(model: DocumentModel, s: Signature): DocumentModel {
  return {
    ...model,
    blocks: model.blocks.map((b) => {
      if (!b.tags?.includes(SIGN_OFF_TAG)) return b;
      if (b.type === 'fields') return signedFields(b, s);
      if (b.type === 'paragraph') return signedLetterClose(b, s);
      return b;
    }),
  };
}
