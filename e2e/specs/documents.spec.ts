/**
 * A clinician enters findings for a child's EHCP case, drafts the OT advice, sees the
 * Section F check flag a vague provision line, fixes it, redrafts, is refused signing while
 * placeholders remain, fills them in, signs, downloads the DOCX and marks it sent.
 */
import { readFileSync } from 'node:fs';
import { assert, assertAccessibleControls, assertEqual, hidden, RUN_ID, test, visible } from '../harness.js';
import { ClientRecordPage } from '../pages/ClientRecordPage.js';
import { DocumentsPage } from '../pages/DocumentsPage.js';
import { FindingsPage } from '../pages/FindingsPage.js';
import { Shell } from '../pages/Shell.js';
import { DEMO_USERS, SignInPage } from '../pages/SignInPage.js';

const DAY = 86_400_000;
const uk = (d: Date) => `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;

test('documents: findings to a signed EHCP advice, with the vague provision line flagged and fixed, and the DOCX downloaded', async ({ world, page, shot }) => {
  const signIn = new SignInPage(page);
  await signIn.open(world.demoUrl);
  await signIn.signIn(DEMO_USERS.clinician1);
  const shell = new Shell(page);
  await shell.waitUntilSignedIn();
  const nav = await shell.navLabels();
  assert(nav.includes('Documents'), `a clinician's navigation has Documents: ${nav.join(', ')}`);

  // One of clinician1's children with an EHC plan in England (the register is caseload-filtered).
  const register = (await (await page.request.get(`${world.demoUrl}/api/ehcp`)).json()) as {
    children: { case_id: string; client_id: string; client_name: string; jurisdiction: string; modelled: boolean }[];
  };
  const child = register.children.find((c) => c.jurisdiction === 'england' && c.modelled);
  assert(child, 'clinician1 has a child with an EHC plan in England');

  // From the client record to the case's findings.
  await page.goto(`${world.demoUrl}/clients/${child.client_id}`);
  const record = new ClientRecordPage(page);
  await record.waitFor(child.client_name);
  await record.openTab('Cases');
  await page.locator(`a[href="/cases/${child.case_id}/findings"]`).click();
  const findings = new FindingsPage(page);
  await findings.waitFor();

  const tag = `(${RUN_ID})`;
  await findings.saveNotes('Background and history', {
    'Medical history and diagnoses': `Developmental coordination disorder diagnosed by the community paediatrician ${tag}.`,
    'Developmental history': 'Walked at 18 months; late to ride a bicycle and to dress independently.',
    'Education or work history': 'Attends a mainstream school with a one-page profile from the SENCo.',
  });
  await findings.saveNotes('Views', {
    "The client's (or child's) own views": 'Finds writing tiring and would like to keep up with friends in PE.',
    "Parents' or carers' views": 'Parents are worried about handwriting speed and getting dressed after PE.',
  });
  await findings.saveNotes('The assessment', {
    'Who asked for this report and why': 'The local authority asked for OT advice for an EHC needs assessment.',
    'How the assessment was done (tests, settings, 1:1 or group, duration)':
      'Standardised assessment 1:1 in clinic for 90 minutes and a classroom observation for 45 minutes.',
    'Documents read': 'The SENCo report and the paediatric clinic letter.',
    'People spoken to': 'Parents, the class teacher and the SENCo.',
    Strengths: 'Sociable, persistent and keen to try new activities.',
    'What has been tried and how the client responded': 'A pencil grip and a sloping board helped a little with comfort but not with speed.',
    'Limits on the opinion and further information needed': 'Based on one clinic assessment and one observation; no sensory questionnaire was returned.',
  });
  await findings.addNeed('Sensory and/or physical', `Fine-motor control limits handwriting speed and legibility ${tag}.`);
  const testDate = new Date(Date.now() - 7 * DAY);
  await findings.addAssessment({
    measure: 'Movement ABC-3',
    subtest: 'Manual dexterity',
    scoreType: 'Standard score (mean 100, SD 15)',
    score: '78',
    percentile: '7',
    band: 'red zone',
    date: uk(testDate),
    examiner: 'Tom Okafor',
    interpretation: 'Slow, effortful handwriting and difficulty with fastenings in daily school life.',
  });
  await findings.addObservation('Copied eight words a minute from the board, with frequent letter reversals.', uk(new Date(Date.now() - 6 * DAY)), 'Classroom');
  await findings.addGoal({
    kind: 'SMART outcome',
    text: 'Will write a legible paragraph of 50 words in 10 minutes.',
    target: uk(new Date(Date.now() + 180 * DAY)),
  });
  await findings.addGoal({ kind: 'COPM problem', text: 'Getting changed after PE', copm: ['3', '6', '2', '6'] });
  await visible(page.getByRole('table', { name: 'COPM' }).getByText('Clinically important').first(), 'a COPM change of 2 or more marked clinically important');
  await findings.addGoal({ kind: 'GAS goal', text: 'Fastens buttons on the school shirt', gas: ['-2', '0'] });
  await visible(page.getByTestId('gas-t').filter({ hasText: 'outcome 50' }), 'the GAS outcome T-score of 50');
  await findings.addRecommendation('A sloping writing board and a chunky pencil in every lesson.');
  const vague = 'Access to OT support as required';
  await findings.addProvision({
    what: vague,
    who: 'Occupational therapist',
    qualification: 'HCPC-registered',
    frequency: 'as required',
    duration: 'as required',
    groupSize: '1:1',
    location: 'School',
    review: 'Annual review',
    delivery: 'Direct',
  });
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot('findings');
  await assertAccessibleControls(page, 'findings');

  // Draft the EHCP advice: the Section F check flags the vague line.
  await findings.openDocuments();
  const docs = new DocumentsPage(page);
  await docs.draft('ehcp-advice');
  await visible(docs.provisionWarnings().filter({ hasText: vague }), 'the Section F check flagging the vague provision line');
  await shot('document-draft');
  await assertAccessibleControls(page, 'document-draft');

  // Fix the line in the findings, then redraft: the check passes.
  await page.getByRole('link', { name: 'Findings of this case' }).click();
  await findings.waitFor();
  const fixed = 'Handwriting and fine-motor programme';
  await findings.editProvision(vague, {
    what: fixed,
    who: 'Teaching assistant',
    qualification: 'trained and supervised by the OT',
    frequency: 'three times a week',
    duration: '30 minutes',
    programmeLength: 'one term',
    groupSize: '1:1',
    location: 'Quiet room in school',
    review: 'Termly with the SENCo',
    delivery: 'Indirect',
  });
  await page.goBack();
  await visible(docs.checks().first(), 'the document again');
  await docs.press('Redraft from findings');
  await visible(page.getByRole('status').filter({ hasText: 'Redrafted' }), 'the redrafted message');
  await visible(docs.preview().getByText(fixed), 'the fixed provision line in the draft');
  await hidden(docs.provisionWarnings(), 'a Section F warning after the fix');

  // Signing is refused while placeholders remain; the server's message is shown. The demo clinician has
  // qualifications recorded, so what remains is whatever the demo case lacks (a plan date, on most days).
  const gaps = await docs.stillNeeded().locator(':scope > span').count();
  if (gaps > 0) {
    await docs.press('Move to review');
    await visible(page.getByRole('status').filter({ hasText: 'Moved to review' }), 'the in-review message');
    await docs.press('Sign');
    await visible(page.getByRole('alert').filter({ hasText: 'Cannot sign yet' }), "the server's refusal to sign while placeholders remain");
    const needed = (await docs.stillNeeded().locator(':scope > span').allTextContents()).join(' | ');
    assert(needed.length > 0, 'the refusal names what is still needed');
    assert(!needed.includes('qualifications'), `a clinician with qualifications recorded is not asked for them: ${needed}`);
  }

  // What else a case lacks varies (the demo records some plan dates and not others): fill each item in.
  for (const label of await docs.stillNeeded().locator(':scope > span').allTextContents()) {
    const value = /qualification/i.test(label)
      ? 'BSc (Hons) Occupational Therapy'
      : /date/i.test(label)
        ? uk(new Date(Date.now() - 30 * DAY))
        : `Recorded by the clinician ${tag}`;
    await docs.fillIn(label, value);
  }
  await hidden(docs.stillNeeded(), 'anything still needed');
  await visible(page.getByTestId('checks-clear'), 'every check passing');

  // Filling placeholders keeps a document in review; one that had none is moved to review now.
  if (gaps > 0) await visible(page.locator('.page-head .badge').filter({ hasText: 'In review' }), 'the document still in review after its gaps were filled');
  else {
    await docs.press('Move to review');
    await visible(page.getByRole('status').filter({ hasText: 'Moved to review' }), 'the in-review message');
  }
  await docs.press('Sign');
  await visible(page.getByRole('status').filter({ hasText: /^Signed version \d+\.$/ }), 'the signed message');
  await visible(page.locator('.page-head .badge').filter({ hasText: 'Signed' }), 'the Signed status');
  await hidden(page.getByText('DRAFT — not for circulation'), 'the draft banner on a signed version');
  await shot('document-signed');

  const download = await docs.downloadDocx();
  assert(download.suggestedFilename().endsWith('.docx'), `the download is a .docx: ${download.suggestedFilename()}`);
  const path = await download.path();
  assert(path, 'the download was saved');
  const bytes = readFileSync(path);
  assertEqual(bytes.subarray(0, 2).toString('latin1'), 'PK', 'the DOCX starts with the zip signature');

  await docs.press('Mark sent');
  await visible(page.locator('.page-head .badge').filter({ hasText: 'Sent' }), 'the Sent status');

  // The list shows it, sent.
  await shell.nav().getByRole('link', { name: 'Documents', exact: true }).click();
  await visible(
    page.getByRole('table', { name: 'Documents' }).locator('tr').filter({ hasText: child.client_name }).filter({ hasText: 'Sent' }),
    'the sent advice in the list',
  );
  await shot('documents');
  await assertAccessibleControls(page, 'documents');
});

test('documents: an administrator has no Documents entry and the address says it is for clinicians', async ({ world, page }) => {
  const signIn = new SignInPage(page);
  await signIn.open(world.demoUrl);
  await signIn.signIn(DEMO_USERS.admin);
  const shell = new Shell(page);
  await shell.waitUntilSignedIn();
  assert(!(await shell.navLabels()).includes('Documents'), 'admin navigation has no Documents');
  await page.goto(`${world.demoUrl}/documents`);
  await visible(page.locator('main').getByText(/Findings and documents? (drafts )?are for clinicians/), 'the clinicians-only message');
});
