/** Clinical documents' routes, listed in ROUTES by routes/index.ts. */
import type { AnyRoute } from '../../route.js';
import {
  checkProvision,
  deleteProfile,
  downloadDoc,
  draftDoc,
  editDocBlock,
  getDoc,
  listDocs,
  listProfiles,
  redraftDoc,
  reviewDoc,
  saveProfile,
  sendDoc,
  signDoc,
} from './documents.js';
import { addCaseFinding, deleteCaseFinding, getCaseFindings, putFindingNote, updateCaseFinding } from './findings.js';

export const DOCUMENT_ROUTES: readonly AnyRoute[] = [
  getCaseFindings,
  putFindingNote,
  addCaseFinding,
  updateCaseFinding,
  deleteCaseFinding,
  listDocs,
  draftDoc,
  getDoc,
  editDocBlock,
  redraftDoc,
  reviewDoc,
  signDoc,
  sendDoc,
  downloadDoc,
  checkProvision,
  listProfiles,
  saveProfile,
  deleteProfile,
];
