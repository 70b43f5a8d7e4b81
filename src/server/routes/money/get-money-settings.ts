import { moneySettings } from '../../../contract/money.js';
import { getMoneySettings } from '../../../services/billing/money-settings.js';
import { defineRoute } from '../../route.js';

export default defineRoute({
  method: 'GET',
  url: '/api/money/settings',
  access: 'money_settings.read',
  tags: ['money'],
  response: moneySettings,
  summary: 'Rates, terms, warning days and chase ladder',
  handler: async ({ ctx }) => getMoneySettings(ctx),
});
