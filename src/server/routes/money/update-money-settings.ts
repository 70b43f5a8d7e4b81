import { moneySettings, moneySettingsInput } from '../../../contract/money.js';
import { updateMoneySettings } from '../../../services/billing/money-settings.js';
import { defineRoute } from '../../route.js';

export default defineRoute({
  method: 'PATCH',
  url: '/api/money/settings',
  access: 'money_settings.change',
  tags: ['money'],
  response: moneySettings,
  summary: 'Change rates, terms, warning days or the chase ladder',
  body: moneySettingsInput,
  handler: async ({ ctx, body }) => updateMoneySettings(ctx, body),
});
