/** The drafting layer's surface: compose a model, check it, render it. */
export { composeDocument } from './compose.js';
export { runChecks, type CheckFinding, type CheckName, type CheckContext } from './checks/index.js';
export { checkProvisionText, provisionLineProblem, type ProvisionFinding } from './checks/provision.js';
export { nameIndex } from './checks/other-client.js';
export { plainText, blockLines, placeholder, PLACEHOLDER_RE, type Block, type DocumentModel, type StillNeeded } from './model.js';
export { emptySource, type DraftSource, type LaProfile, type SourceInvoice } from './source.js';
export { renderDocx } from './render/docx.js';
export { renderHtml } from './render/html.js';
export { renderMarkdown } from './render/markdown.js';
export { STATEMENT_OF_TRUTH, DUTY_DECLARATION, PD35_ITEMS } from './pd35.js';
export { EHCP_ADVICE_SECTIONS, EHCP_ADVICE_HEADINGS, FRONT_SHEET_FIELDS } from './templates/ehcp.js';
export { applySignature, signatureLine, signedAtText, SIGN_OFF_TAG, UNSIGNED_TEXT, type Signature } from './signature.js';
export { editBlockText, type BlockEdit } from './block-edit.js';
