/**
 * Category by weighted evidence: each category has phrases that mark it, stronger in the
 * subject line than in the body. The phrases are the language of the trade (SEND
 * regulations, CPR Part 35, insurers, DFGs), never the wording of particular letters.
 */
export const CATEGORIES = [
  'ehcp_advice_request',
  'ehcp_annual_review',
  'ehcp_plan_issued',
  'tribunal',
  'new_referral',
  'ml_instruction',
  'ml_questions',
  'ml_update',
  'insurer_authorisation',
  'payment',
  'case_update_request',
  'housing_adaptation',
  'workplace',
  'appointment_change',
  'other',
] as const;
export type Category = (typeof CATEGORIES)[number];

type Cue = [RegExp, number];

const CUES: Record<Exclude<Category, 'other'>, Cue[]> = {
  ehcp_advice_request: [
    [/\b(?:request(?:ing)? for|seeking your|requests? your|contribute) (?:occupational therapy |ot |professional |your )?advice\b/i, 4],
    [/\bneeds assessment\b/i, 3],
    [/\bEHCNA\b/, 2],
    [/\bregulations? (?:6|8)\b|\breg(?:ulation)?s? 6 and 8\b/i, 3],
    [/\badvice (?:and information )?(?:must|should) (?:normally )?be provided\b/i, 3],
    [/\bagreed to carry out\b|\bdecided to carry out\b/i, 2],
    // Wales (ALN Code): the council asks for information to decide whether a learner has additional learning needs.
    [/\brequest for information\b/i, 2],
    [/\bwhether (?:\p{Lu}\p{L}+ |he |she |they |the (?:child|learner|pupil) )?(?:has|have) additional learning needs\b/iu, 3],
  ],
  ehcp_annual_review: [
    [/\bannual review\b/i, 4],
    [/\b(?:interim|early years|phase transfer|transition) (?:ehcp |ehc plan )?review\b/i, 4],
    [
      /\behcp review\b|\b(?:IDP|CDU|individual development plan) review\b|\binvit\w* you to (?:the |an |a )?(?:annual |interim )?review\b|\breview of (?:the |her |his |their )?(?:ehc|education, health and care) plan\b/i,
      4,
    ],
    [/\binvit(?:e|ation|ed)\b/i, 1],
    [/\breview meeting\b/i, 2],
    // "AR" is how schools and caseworkers abbreviate an annual review.
    [/\bAR\b/, 3],
  ],
  ehcp_plan_issued: [
    [/\bdraft (?:ehc |ehcp |education, health and care )?plan\b/i, 5],
    [/\bfinal (?:amended )?(?:ehc |ehcp |education, health and care )plan\b/i, 5],
    [/\bamended (?:ehc |ehcp |education, health and care )plan\b/i, 4],
    [/\b(?:notice of )?(?:proposed )?amendments? notice\b|\bnotice of proposed amendments\b/i, 5],
    [/\bhas (?:today )?issued\b/i, 2],
    [/\bregulation 22\b|\bproposed changes\b/i, 2],
    // Wales: an Individual Development Plan sent for information is the ALN counterpart of an issued plan.
    [/\b(?:(?:final|draft|amended) |copy of (?:\p{Lu}\p{L}+['’]s |the |his |her |their )?)(?:IDP|individual development plan)\b/iu, 5],
    [/\bprepared an? (?:IDP|individual development plan)\b/i, 3],
  ],
  tribunal: [
    [/\bfirst-tier tribunal\b|\bsend tribunal\b|\btribunal\b/i, 3],
    [/\bEH\d{3}\/\d{2}\/\d{3,6}\b/, 4],
    [/\bappeal\b/i, 2],
    [/\bwitness statement\b|\bwitness\b/i, 1],
    [/\bhearing\b/i, 1],
  ],
  new_referral: [
    [/\b(?:new )?referral\b/i, 3],
    [/\brefer (?:a |this |him |her )?(?:new )?(?:client|patient|child|boy|girl|man|woman|gentleman|lady)?\b/i, 2],
    [/\bnew (?:client|enquiry|patient)\b/i, 4],
    [/\bgrateful if you would see\b|\bwould you (?:be able to )?see\b/i, 4],
    [/\b(?:ask|enquir\w*) about an? (?:ot |occupational therapy )?assessment\b/i, 4],
    [/\bcontact form\b/i, 2],
    // A GP's or consultant's referral letter: "Thank you for seeing this 42-year-old…".
    [/\bthank you for seeing\b|\b(?:asked|wishes|like[sd]?) to be referred\b/i, 5],
    // A parent or case manager asking for a first assessment, in everyday words.
    [/\bhow (?:much (?:is|does|would|do you charge)|soon could you see)\b|\bcould you see (?:her|him|them)\b/i, 3],
    [/\b(?:assessment|ot|occupational therapy) for my (?:son|daughter|child|husband|wife|partner|mum|mother|dad|father)\b/i, 4],
    [/\bdo you (?:do|offer) (?:ot |occupational therapy |home )?assess?ments?\b/i, 3],
    [/\bnew (?:ref|one for you)\b|\breferral form\b/i, 3],
    [/\bavailability\b/i, 1],
    [/\bfee estimate\b|\byour fees\b/i, 1],
  ],
  ml_instruction: [
    [/\bletter of instruction\b|\binstructions? to prepare\b|\binstruct you\b|\baccept (?:these |the )?instructions\b/i, 5],
    [/\bimmediate needs assessment\b|\brehabilitation code\b/i, 5],
    [/\bpart 35\b|\bcpr 35\b|\bpractice direction 35\b/i, 2],
    [/\bexpert (?:report|evidence)\b/i, 2],
    [/\bwe act for\b/i, 1],
  ],
  ml_questions: [
    [/\bcpr 35\.6\b|\bpart 35 questions\b|\bwritten questions\b/i, 6],
    [/\baddendum\b|\bsupplementary report\b/i, 5],
  ],
  ml_update: [
    [/\bsettled\b|\bsettlement\b/i, 3],
    [/\bstayed\b|\bstay of proceedings\b|\bstay(?:ing)? (?:the )?(?:claim|proceedings)\b/i, 3],
    // A change of solicitor or a plain progress letter on a claim.
    [/\bno longer (?:instructed|act(?:ing)?)\b|\bnew solicitors\b|\btransferred (?:our|the) file\b/i, 4],
    [/\b(?:bring|keep) you up to date\b/i, 2],
    [/\bjoint statement\b|\bexperts['’] discussion\b|\bexperts['’] meeting\b|\bwithout[- ]prejudice discussion\b/i, 4],
    [/\btrial (?:window|date|has been listed)\b|\btrial\b/i, 2],
    [/\btrial\b[^.\n]{0,30}\b(?:fixed|listed)\b|\bpre-trial review\b/i, 3],
    [/\bconsent order\b|\bcase management conference\b/i, 1],
    [/\bclaim (?:no|number)\b/i, 1],
  ],
  insurer_authorisation: [
    [/\b(?:pre-?)?authori[sz]ation\b/i, 3],
    [/\bsessions authori[sz]ed\b|\bauthori[sz]ed \d+ sessions\b|\bauthori[sz]e further\b/i, 3],
    [/\bmembership (?:number|no)\b|\bmember(?:'s)? (?:name|plan)\b/i, 2],
    [/\bprogress report\b/i, 2],
    [/\b(?:declined|approved the following treatment)\b/i, 2],
    // Insurers' own words for an authorisation: a guarantee of payment, sessions covered, a cover period.
    [/\bguarantee of payment\b/i, 5],
    // Insurers' provider portals: "Decision: Approved" on a treatment request.
    [/\btreatment request\b|\bdecision:?[ \t]+(?:approved|declined)\b/i, 3],
    [/\b(?:additional|further) sessions\b|\bsessions (?:now )?(?:covered|approved)\b|\bcover period\b/i, 2],
  ],
  payment: [
    [/\bremittance\b/i, 5],
    [/\binvoice (?:rejected|rejection|query|queried)\b|\brejection notice\b|\bqueried\b/i, 5],
    [/\binvoice\b/i, 2],
    [/\bpayment (?:date|reference|method)\b|\bbacs\b|\bamount (?:payable|invoiced|paid)\b/i, 3],
    [/\bstatement of account\b|\boutstanding balance\b/i, 3],
    // An accounts team's reply about an invoice: "can't process", "reissue", "payment run".
    [/\binv\b|\breissue\b|\bpayment run\b|\bcan['’]?t process\b|\bunable to process\b/i, 2],
  ],
  case_update_request: [
    [/\bprogress update\b|\bbrief update\b|\bupdate on (?:her|his|their) progress\b|\bot update\b/i, 5],
    [/\bmdt\b|\bmulti-?disciplinary\b/i, 2],
    [/\bupdate request\b|\b(?:short|written) (?:written )?update\b/i, 4],
    // NHS-funded care (continuing healthcare, a personal health budget) asking the OT for a report.
    [/\bcontinuing healthcare\b|\bpersonal health budget\b|\bintegrated care board\b|\bICB\b/i, 3],
    [/\bSEN support\b/i, 2],
    [/\b(?:grateful for|like|need|request(?:ing)?) an? (?:(?:short|brief|written|ot|occupational therapy) )*progress (?:report|update)\b/i, 4],
    // A deputy managing damages reports to the Court of Protection / Office of the Public Guardian.
    [/\bdeputy\b|\bdeputyship\b|\bcourt of protection\b|\boffice of the public guardian\b/i, 2],
    [/\b(?:send|provide|let)(?: us| me)? (?:an? |your )?(?:(?:ot|occupational therapy|short|brief|written) )*(?:progress )?(?:report|update)\b/i, 3],
    [/\bcase manager\b/i, 1],
    [/\bgeneral practitioner\b|\bgp\b/i, 1],
  ],
  housing_adaptation: [
    [/\bdisabled facilities grants?\b|\bDFG\b/i, 6],
    [/\bbuilders?\b|\bshower (?:seat|tray)\b|\bbathroom\b|\bgrant (?:approved|application)\b/i, 2],
    [/\bhousing\b/i, 2],
    [/\badaptations?\b|\bwet room\b|\bstairlift\b|\bthrough-floor lift\b|\bgrab rails?\b|\bramp\b/i, 2],
    [/\brehousing\b|\bhousing register\b|\blevel-access\b/i, 2],
    [/\bsurveyor\b|\bcontractor\b/i, 1],
  ],
  workplace: [
    [/\bworkplace assessment\b|\bworkstation\b/i, 5],
    [/\boccupational health\b/i, 3],
    [/\baccess to work\b/i, 4],
    [/\breturn[- ]to[- ]work\b|\breasonable adjustments\b|\badjustments review\b/i, 3],
    [/\bemployer\b|\bline manager\b|\bHR\b/, 1],
  ],
  appointment_change: [
    [/\b(?:move|moving|rebook|re-book|reschedule|re-arrange|rearrange|cancel)\b[^.?\n]{0,40}\b(?:session|appointment|visit)\b/i, 5],
    [/\b(?:session|appointment|visit)\b[^.?\n]{0,40}\b(?:instead|cancel(?:led)?|move[ds]?)\b/i, 3],
    [/\bwon['’]t (?:make|be (?:at home|able to make|there))\b|\bcan['’]t make\b/i, 3],
    [/\bcould (?:she|he|we|they) have that instead\b|\bnew date\b/i, 2],
    // A parent or carer moving a session in everyday words: "cant do tues 15th", "can we do thurs instead".
    [/\b(?:can['’]?t|cannot|won['’]?t|wont|unable to) (?:do|make|manage)\b|\bwon['’]?t be (?:in|at home|with you|able)\b/i, 3],
    [/\bsame time\b/i, 2],
    [/\bswap\b[^.?\n]{0,40}\b(?:session|sesh|appointment|appt|visit|to (?:mon|tue|wed|thu|fri)\w*)\b/i, 4],
    [/\b(?:could|can) (?:we|she|he|they|you|i) (?:do|have|come|make it)\b[^?\n]{0,60}\binstead\b/i, 3],
    [/\bappt\b|\bsesh\b/i, 2],
    [/\bcancel (?:it|this|that|(?:his|her|their|the) (?:session|visit|appointment)|(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\w*)\b/i, 3],
  ],
};

const OTHER: Cue[] = [
  [/\bbulletin\b|\bnewsletter\b|\bunsubscribe\b|\bmailing list\b/i, 8],
  [/\bcpd\b|\bmasterclass\b|\bcourse\b|\bwebinar\b|\bconference\b/i, 2],
  [/\bindemnity\b|\bpublic liability (?:insurance|policy)\b|\brenewal\b|\bpremium\b/i, 4],
  [/\bhcpc (?:renewal|registration)\b|\bsupplier\b|\bspecial offer\b/i, 3],
];

// Bulk mail (courses, forums, newsletters) says so in its footer, which the sections put aside as a
// disclaimer: these cues read the whole text.
const BULK: Cue[] = [
  [
    /\bunsubscribe\b|\bmailing list\b|\byou are receiving this (?:e-?mail|message|newsletter)? ?because you (?:attended|subscribed|signed up|joined|are a member|booked)\b/i,
    8,
  ],
  [/\bbook (?:now|online|your place)\b|\bearly[- ]bird\b|\bplaces are limited\b|\bmembers['’] area\b|\bforum news\b/i, 4],
];

// EHCP vocabulary ("annual review", "draft plan") only means an EHC plan where the letter is about
// education: an NHS care plan also has annual reviews.
const EDUCATION =
  /\bEHC|\bSEND?\b|\bSENCO|\bALN\b|\b[Ee]ducation, [Hh]ealth and [Cc]are\b|\b[Ss]chool\b|\b[Nn]ursery\b|\b[Cc]ollege\b|\b[Ll]earner\b|\b[Pp]upil\b/;
// Council letters end with the family's appeal rights; that is not a tribunal matter for the OT.
const APPEAL_RIGHTS = /\bright (?:of|to) appeal\b|\b(?:can|may) appeal\b|\bhow to (?:appeal|ask the council to reconsider)\b/i;

const BULK_MARK = BULK[0]![0];

function score(cues: Cue[], subject: string, body: string): number {
  let s = 0;
  for (const [re, w] of cues) {
    if (re.test(subject)) s += w * 1.5;
    if (re.test(body)) s += w;
  }
  return s;
}

interface ClassifyContext {
  /** The whole text, footers and quotes included. */
  full?: string;
  /** What the practice's own invoice numbers start with: one quoted means the letter is about its money. */
  invoicePrefix?: string;
}

export function classify(subject: string, body: string, ctx: ClassifyContext = {}): { category: Category; scores: Record<string, number> } {
  const scores: Record<string, number> = {};
  for (const [cat, cues] of Object.entries(CUES)) scores[cat] = score(cues, subject, body);
  scores.other = score(OTHER, subject, body) + score(BULK, '', ctx.full ?? body);
  const all = `${subject}\n${body}`;
  if (!EDUCATION.test(ctx.full ?? all)) for (const cat of ['ehcp_annual_review', 'ehcp_plan_issued'] as const) scores[cat]! *= 0.4;
  if (APPEAL_RIGHTS.test(all)) scores.tribunal! -= 3;
  const prefix = ctx.invoicePrefix?.trim();
  // A "Your ref" line only quotes the practice's own number back; it does not make the letter about money.
  const withoutYourRef = all.replace(/^[ \t]*your ref[^\n]*$/gim, '');
  if (prefix && prefix.length >= 2 && new RegExp(`(?:^|[^A-Z0-9])${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\d`, 'i').test(withoutYourRef))
    scores.payment! += 3;
  // Bulk mail (a course, a forum's news) touches every topic of the trade but is never casework.
  if (BULK_MARK.test(ctx.full ?? body)) for (const cat of Object.keys(CUES)) scores[cat]! *= 0.5;
  // Family tie-breaks: a review or a draft plan also mentions "advice"; a tribunal letter also
  // asks for a report; a claim update mentions invoices. The more specific event wins.
  // Thanks for answers already given closes the questions: the letter is about what came next.
  if (/\bthank you for your (?:answers|replies|responses) to\b/i.test(`${subject}\n${body}`)) scores.ml_questions! -= 6;
  if (scores.ml_questions! >= 5) scores.ml_questions! += 5;
  if (scores.ml_update! > 0 && /\b(?:settled|stayed|joint statement|experts['’] discussion)\b/i.test(subject + ' ' + body)) scores.ml_update! += 2;
  let best: Category = 'other';
  let bestScore = 3.5;
  for (const cat of CATEGORIES) {
    if (scores[cat]! > bestScore) {
      best = cat;
      bestScore = scores[cat]!;
    }
  }
  return { category: best, scores };
}
