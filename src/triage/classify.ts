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
  ],
  ehcp_annual_review: [
    [/\bannual review\b/i, 4],
    [/\b(?:interim|early years|phase transfer|transition) (?:ehcp |ehc plan )?review\b/i, 4],
    [/\behcp review\b|\breview of (?:the |her |his |their )?(?:ehc|education, health and care) plan\b/i, 4],
    [/\binvit(?:e|ation|ed)\b/i, 1],
    [/\breview meeting\b/i, 2],
  ],
  ehcp_plan_issued: [
    [/\bdraft (?:ehc |ehcp |education, health and care )?plan\b/i, 5],
    [/\bfinal (?:amended )?(?:ehc |ehcp |education, health and care )plan\b/i, 5],
    [/\bamended (?:ehc |ehcp |education, health and care )plan\b/i, 4],
    [/\b(?:notice of )?(?:proposed )?amendments? notice\b|\bnotice of proposed amendments\b/i, 3],
    [/\bhas (?:today )?issued\b/i, 2],
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
    [/\bstayed\b|\bstay of proceedings\b/i, 3],
    [/\bjoint statement\b|\bexperts['’] discussion\b|\bexperts['’] meeting\b|\bwithout[- ]prejudice discussion\b/i, 4],
    [/\btrial (?:window|date|has been listed)\b|\btrial\b/i, 2],
    [/\bconsent order\b|\bcase management conference\b/i, 1],
    [/\bclaim (?:no|number)\b/i, 1],
  ],
  insurer_authorisation: [
    [/\b(?:pre-?)?authori[sz]ation\b/i, 3],
    [/\bsessions authori[sz]ed\b|\bauthori[sz]ed \d+ sessions\b|\bauthori[sz]e further\b/i, 3],
    [/\bmembership (?:number|no)\b|\bmember(?:'s)? (?:name|plan)\b/i, 2],
    [/\bprogress report\b/i, 2],
    [/\b(?:declined|approved the following treatment)\b/i, 2],
  ],
  payment: [
    [/\bremittance\b/i, 5],
    [/\binvoice (?:rejected|rejection|query|queried)\b|\brejection notice\b|\bqueried\b/i, 5],
    [/\binvoice\b/i, 2],
    [/\bpayment (?:date|reference|method)\b|\bbacs\b|\bamount (?:payable|invoiced|paid)\b/i, 3],
    [/\bstatement of account\b|\boutstanding balance\b/i, 3],
  ],
  case_update_request: [
    [/\bprogress update\b|\bbrief update\b|\bupdate on (?:her|his|their) progress\b|\bot update\b/i, 5],
    [/\bmdt\b|\bmulti-?disciplinary\b/i, 2],
    [/\bcase manager\b/i, 1],
    [/\bgeneral practitioner\b|\bgp\b/i, 1],
  ],
  housing_adaptation: [
    [/\b[Dd]isabled [Ff]acilities [Gg]rants?\b|\bDFG\b/, 6],
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
  ],
};

const OTHER: Cue[] = [
  [/\bbulletin\b|\bnewsletter\b|\bunsubscribe\b|\bmailing list\b/i, 8],
  [/\bcpd\b|\bmasterclass\b|\bcourse\b|\bwebinar\b|\bconference\b/i, 2],
  [/\bindemnity\b|\bpublic liability (?:insurance|policy)\b|\brenewal\b|\bpremium\b/i, 4],
  [/\bhcpc (?:renewal|registration)\b|\bsupplier\b|\bspecial offer\b/i, 3],
];

function score(cues: Cue[], subject: string, body: string): number {
  let s = 0;
  for (const [re, w] of cues) {
    if (re.test(subject)) s += w * 1.5;
    if (re.test(body)) s += w;
  }
  return s;
}

export function classify(subject: string, body: string): { category: Category; scores: Record<string, number> } {
  const scores: Record<string, number> = {};
  for (const [cat, cues] of Object.entries(CUES)) scores[cat] = score(cues, subject, body);
  scores.other = score(OTHER, subject, body);
  // Family tie-breaks: a review or a draft plan also mentions "advice"; a tribunal letter also
  // asks for a report; a claim update mentions invoices. The more specific event wins.
  if (scores.ml_questions! >= 5) scores.ml_questions! += 3;
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
