/**
 * Splits a letter or message into the parts a reader treats differently: the letterhead and
 * address block, the body that asks for something, the sign-off and signature, disclaimers,
 * and quoted earlier messages (which still carry references but never set today's actions).
 */
export interface Sections {
  /** Letterhead and address block of a letter: the lines before "Dear …". */
  head: string;
  /** What the writer says now: no letterhead, quotes, signature or disclaimer. */
  main: string;
  /** The sign-off and signature block (names, roles, organisation), disclaimers removed. */
  signature: string;
  /** Earlier messages quoted in a reply. */
  quoted: string;
  /** Everything, quotes included: references anywhere count. */
  full: string;
}

const QUOTE_START = [
  /^-{2,}\s*original message\s*-{2,}\s*$/im,
  /^_{5,}\s*$/m,
  /^On [^\n]{4,120}(?:\n[^\n]{0,120})?wrote:\s*$/m,
  /^From: [^\n]+\n(?:[^\n]*\n){0,2}Sent: /m,
  /^(?:>[^\n]*\n?){2,}/m,
];

const SIGN_OFF =
  /^[ \t]*(?:kind(?:est)? regards|best regards|warm(?:est)? regards|regards|yours sincerely|yours faithfully|yours truly|sincerely|many thanks|thanks(?: so much| again| as always| very much)?|thank you(?: very much)?|best wishes|with (?:best|kind) (?:wishes|regards)|all the best|cheers|best)[ \t]*[,.!]?[ \t]*$/gim;

const DISCLAIMER =
  /confidential|intended (?:solely |only )?for|intended recipient|named recipient|authorised and regulated|regulated by the|registered in england|registered office|may monitor|monitored|unsubscribe|do not reply|don.t reply|unmonitored mailbox|computer-generated|automated message|trading name|legally privileged|received (?:it|this(?: email| e-mail| message)?) in error|you are receiving this|generated automatically|working for you/i;

function paragraphs(text: string): string[] {
  return text.split(/\n[ \t]*\n/);
}

export function splitSections(body: string, isLetter: boolean): Sections {
  const full = body;
  let cut = body.length;
  for (const re of QUOTE_START) {
    const m = re.exec(body);
    if (m && m.index < cut && m.index > 0) cut = m.index;
  }
  const quoted = body.slice(cut);
  let text = body.slice(0, cut);

  let head = '';
  const dear = /^[ \t]*(?:dear|hi|hello|good (?:morning|afternoon))\b[^\n]*$/im.exec(text);
  if (dear && (isLetter || dear.index < text.length / 2)) {
    head = text.slice(0, dear.index);
    if (isLetter) text = text.slice(dear.index);
  }

  let signature = '';
  let lastSignOff: RegExpExecArray | null = null;
  for (const m of text.matchAll(SIGN_OFF)) {
    // Only a sign-off in the second half of the text closes the letter ("Thanks" can open one).
    if (m.index! > text.length * 0.4) lastSignOff = m as RegExpExecArray;
  }
  if (lastSignOff) {
    signature = text.slice(lastSignOff.index);
    text = text.slice(0, lastSignOff.index);
  }
  // Disclaimers: boilerplate paragraphs in the signature, or closing a message without one.
  const sig = paragraphs(signature).filter((p) => !DISCLAIMER.test(p) && !/^\s*--\s*$/.test(p));
  const mainParas = paragraphs(text);
  if (!lastSignOff) {
    while (mainParas.length > 1 && DISCLAIMER.test(mainParas[mainParas.length - 1]!)) mainParas.pop();
  }
  return { head, main: mainParas.join('\n\n'), signature: sig.join('\n\n'), quoted, full };
}

export function isDisclaimer(paragraph: string): boolean {
  return DISCLAIMER.test(paragraph);
}
