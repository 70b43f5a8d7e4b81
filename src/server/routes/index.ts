/** Every API route, in the order docs/API.md lists them. */
import type { AnyRoute } from '../route.js';
import getHealth from './health/get-health.js';
import getSetupStatus from './setup/get-setup-status.js';
import setUpPractice from './setup/set-up-practice.js';
import signIn from './auth/sign-in.js';
import signOut from './auth/sign-out.js';
import getMe from './auth/get-me.js';
import beginTotpSetup from './auth/begin-totp-setup.js';
import enableTotp from './auth/enable-totp.js';
import disableTotp from './auth/disable-totp.js';
import changePassword from './auth/change-password.js';
import redeemPasswordReset from './auth/redeem-password-reset.js';
import getBriefing from './briefing/get-briefing.js';
import getSearch from './search/get-search.js';
import listClients from './clients/list-clients.js';
import addClient from './clients/add-client.js';
import getClient from './clients/get-client.js';
import updateClient from './clients/update-client.js';
import addClientContact from './clients/add-client-contact.js';
import updateClientContact from './clients/update-client-contact.js';
import listOrganisations from './organisations/list-organisations.js';
import addOrganisation from './organisations/add-organisation.js';
import getOrganisation from './organisations/get-organisation.js';
import updateOrganisation from './organisations/update-organisation.js';
import addContact from './organisations/add-contact.js';
import updateContact from './organisations/update-contact.js';
import listCases from './cases/list-cases.js';
import openCase from './cases/open-case.js';
import getCase from './cases/get-case.js';
import changeCaseStatus from './cases/change-case-status.js';
import updateCaseDetail from './cases/update-case-detail.js';
import addCaseAuthorisation from './cases/add-case-authorisation.js';
import updateAuthorisation from './cases/update-authorisation.js';
import listTasks from './tasks/list-tasks.js';
import addTask from './tasks/add-task.js';
import completeTask from './tasks/complete-task.js';
import snoozeTask from './tasks/snooze-task.js';
import reopenTask from './tasks/reopen-task.js';
import listTaskHistory from './tasks/list-task-history.js';
import listRecentTaskEvents from './tasks/list-recent-task-events.js';
import getPractice from './practice/get-practice.js';
import updatePractice from './practice/update-practice.js';
import listUsers from './users/list-users.js';
import createUser from './users/create-user.js';
import updateUser from './users/update-user.js';
import updateMyDetails from './users/update-my-details.js';
import startPasswordReset from './users/start-password-reset.js';
import unlockUser from './users/unlock-user.js';
import listAudit from './audit/list-audit.js';
import verifyAuditChain from './audit/verify-audit-chain.js';
import { DEADLINE_ROUTES } from './deadlines/index.js';
import { MONEY_ROUTES } from './money/index.js';
import { REFERRAL_ROUTES } from './referrals/index.js';
import { INBOX_ROUTES } from './inbox/index.js';
import { DOCUMENT_ROUTES } from './documents/index.js';

export const ROUTES: readonly AnyRoute[] = [
  getHealth,
  getSetupStatus,
  setUpPractice,
  signIn,
  redeemPasswordReset,
  signOut,
  getMe,
  beginTotpSetup,
  enableTotp,
  disableTotp,
  changePassword,
  getBriefing,
  getSearch,
  listClients,
  addClient,
  getClient,
  updateClient,
  addClientContact,
  updateClientContact,
  listOrganisations,
  addOrganisation,
  getOrganisation,
  updateOrganisation,
  addContact,
  updateContact,
  listCases,
  openCase,
  getCase,
  changeCaseStatus,
  updateCaseDetail,
  addCaseAuthorisation,
  updateAuthorisation,
  listTasks,
  addTask,
  completeTask,
  snoozeTask,
  reopenTask,
  listTaskHistory,
  listRecentTaskEvents,
  getPractice,
  updatePractice,
  listUsers,
  createUser,
  updateUser,
  updateMyDetails,
  startPasswordReset,
  unlockUser,
  listAudit,
  verifyAuditChain,
  ...DEADLINE_ROUTES,
  ...MONEY_ROUTES,
  ...REFERRAL_ROUTES,
  ...INBOX_ROUTES,
  ...DOCUMENT_ROUTES,
];
