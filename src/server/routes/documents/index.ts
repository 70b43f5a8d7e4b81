/** A case's findings and the clinical documents drafted from them, listed in ROUTES by routes/index.ts. */
import type { AnyRoute } from '../../route.js';
import getCaseFindings from './get-case-findings.js';
import setFindingNote from './set-finding-note.js';
import addFinding from './add-finding.js';
import updateFinding from './update-finding.js';
import deleteFinding from './delete-finding.js';
import listDocuments from './list-documents.js';
import draftDocument from './draft-document.js';
import getDocument from './get-document.js';
import editDocumentBlock from './edit-document-block.js';
import redraftDocument from './redraft-document.js';
import submitDocumentForReview from './submit-document-for-review.js';
import signDocument from './sign-document.js';
import sendDocument from './send-document.js';
import downloadDocument from './download-document.js';
import checkProvision from './check-provision.js';
import listLaProfiles from './list-la-profiles.js';
import saveLaProfile from './save-la-profile.js';
import deleteLaProfile from './delete-la-profile.js';

export const DOCUMENT_ROUTES: readonly AnyRoute[] = [
  getCaseFindings,
  setFindingNote,
  addFinding,
  updateFinding,
  deleteFinding,
  listDocuments,
  draftDocument,
  getDocument,
  editDocumentBlock,
  redraftDocument,
  submitDocumentForReview,
  signDocument,
  sendDocument,
  downloadDocument,
  checkProvision,
  listLaProfiles,
  saveLaProfile,
  deleteLaProfile,
];
